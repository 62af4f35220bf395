using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Ravi.Mcp.Configuration;
using Ravi.Mcp.Hosting;
using Ravi.Mcp.Runtime;

namespace Ravi.Mcp.Tests.Support;

/// <summary>
/// ravi-mcp's runtime (settings, credentials, sessions, tools) served in this process over a pipe pair, for tests of
/// its logic that need many differently configured servers: no process start per server. The environment is a
/// dictionary, so tests run in parallel without touching the test process's own environment. The transports and the
/// built tool are covered by the process-based tests.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggerFactory;
    private RaviMcpRuntime? _runtime;
    private McpServer? _server;
    private Task? _running;

    private InProcessServer(ConcurrentQueue<string> logs)
    {
        Logs = logs;
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new QueueLoggerProvider(logs)).SetMinimumLevel(LogLevel.Information));
    }

    public McpClient Client { get; private set; } = null!;

    /// <summary>Every log line: "Level Category: message", with " EXCEPTION …" appended when one was logged.</summary>
    public ConcurrentQueue<string> Logs { get; }

    public static async Task<InProcessServer> StartAsync(IReadOnlyDictionary<string, string?> environment, ConcurrentQueue<string> logs, IReadOnlyList<string>? args = null)
    {
        var server = new InProcessServer(logs);
        var env = new McpEnvironment(environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!));
        var loaded = SettingsLoader.Load(args ?? [], env);
        Assert.Null(loaded.UsageError);
        server._runtime = await RaviMcpRuntime.CreateAsync(loaded.Settings, loaded.Problems, env, server._loggerFactory, demo: null, CancellationToken.None);
        var options = new McpServerOptions { ToolCollection = [] };
        foreach (var tool in server._runtime.Tools)
        {
            options.ToolCollection.Add(tool);
        }

        McpServerSetup.Configure(options, server._runtime);
        var toServer = new Pipe();
        var toClient = new Pipe();
        server._server = McpServer.Create(new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()), options, server._loggerFactory);
        server._running = server._server.RunAsync(server._stop.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        server.Client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()),
            McpServers.ClientOptions(ProtocolVersions.Oldest), cancellationToken: timeout.Token);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
            }
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        _loggerFactory.Dispose();
        _stop.Dispose();
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}" + (exception is null ? "" : " EXCEPTION " + exception));
    }
}

using System.Collections.Concurrent;
using ModelContextProtocol.Client;

namespace Ravi.Mcp.Tests.Support;

/// <summary>
/// One Ravi account and the ravi-mcp servers every transport test shares: one HTTP process (Streamable HTTP and legacy
/// SSE, behind an API key) for all HTTP clients, and one stdio process per protocol version. Clients are connected once
/// and reused, so the whole matrix costs three process starts.
/// </summary>
public sealed class McpServers : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-4c1f9e";

    private readonly ConcurrentDictionary<(McpTransport, string), Lazy<Task<McpClient>>> _clients = new();
    private readonly ConcurrentQueue<string> _stdioErrors = new();

    public TestAccount Account { get; private set; } = null!;

    public McpProcess Http { get; private set; } = null!;

    public Uri HttpBase { get; private set; } = null!;

    /// <summary>stderr of every process, for failure messages.</summary>
    public string Logs => Http.StderrText + "\n" + string.Join('\n', _stdioErrors);

    public async Task InitializeAsync()
    {
        Account = await TestAccount.CreateAsync();
        Http = McpProcess.Start(["--http", "--urls", "http://127.0.0.1:0", "--api-key", ApiKey], Account.Environment());
        HttpBase = await Http.Listening.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The shared client for a transport and version (connected on first use).</summary>
    public Task<McpClient> ClientAsync(McpTransport transport, string version) =>
        _clients.GetOrAdd((transport, version), key => new Lazy<Task<McpClient>>(() => ConnectAsync(key.Item1, key.Item2))).Value;

    /// <summary>A new client (the caller disposes it).</summary>
    public async Task<McpClient> ConnectAsync(McpTransport transport, string version, string? apiKey = ApiKey)
    {
        IClientTransport clientTransport = transport switch
        {
            McpTransport.Stdio => new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "ravi-mcp-stdio",
                Command = "dotnet",
                Arguments = [McpProcess.Dll],
                EnvironmentVariables = Account.Environment(),
                StandardErrorLines = line => _stdioErrors.Enqueue(line),
                ShutdownTimeout = TimeSpan.FromSeconds(5),
            }),
            _ => new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(HttpBase, transport == McpTransport.LegacySse ? "/sse" : "/mcp"),
                TransportMode = transport == McpTransport.LegacySse ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp,
                AdditionalHeaders = apiKey is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + apiKey },
            }),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await McpClient.CreateAsync(clientTransport, ClientOptions(version), cancellationToken: timeout.Token);
    }

    /// <summary>
    /// Client options for a loaded machine: the 2026-07-28 client probes with server/discover and, when a child process
    /// answers later than the probe timeout (5 s by default), concludes that the server needs the initialize handshake.
    /// </summary>
    public static McpClientOptions ClientOptions(string version) => new()
    {
        ProtocolVersion = version,
        DiscoverProbeTimeout = Timeout.InfiniteTimeSpan,
        InitializationTimeout = TimeSpan.FromSeconds(60),
    };

    public async Task DisposeAsync()
    {
        foreach (var lazy in _clients.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                await lazy.Value.Result.DisposeAsync();
            }
        }

        if (Http is not null)
        {
            await Http.DisposeAsync();
        }

        if (Account is not null)
        {
            await Account.DisposeAsync();
        }
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Ravi.Mcp.Configuration;
using Ravi.Mcp.Runtime;
using Ravi.Mcp.Tools;
using Ravi.Sdk;
using Ravi.Sdk.Testing;

namespace Ravi.Mcp.Demo;

/// <summary>
/// <c>--demo</c>: an embedded <see cref="RaviTestServer"/> on loopback with encryption set up, so the tools can be tried
/// without an account. Never a silent fallback: it runs only when asked for, says so on stderr and in the
/// <c>instructions</c>, and adds <c>demo_deliver_message</c> so a code can arrive.
/// </summary>
internal sealed class DemoEnvironment : IAsyncDisposable
{
    /// <summary>The PIN the demo account is set up with when RAVI_PIN holds none.</summary>
    public const string DefaultPin = "246810";

    private DemoEnvironment(RaviTestServer server, PinSource pin, McpServerTool deliverMessageTool)
    {
        Server = server;
        Pin = pin;
        DeliverMessageTool = deliverMessageTool;
    }

    public RaviTestServer Server { get; }

    /// <summary>The demo account's PIN.</summary>
    public PinSource Pin { get; }

    /// <summary>The demo-only tool that delivers a test SMS or email.</summary>
    public McpServerTool DeliverMessageTool { get; }

    public static async Task<DemoEnvironment> StartAsync(McpEnvironment environment, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var server = await RaviTestServer.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            var pinValue = environment.Get(EnvironmentVariables.Pin) is { Length: 6 } p && p.All(char.IsAsciiDigit) ? p : DefaultPin;
            using (var setup = new RaviClient(new RaviClientOptions
            {
                BaseAddress = server.BaseAddress,
                AccessToken = server.AccessToken,
                UseCliConfiguration = false,
            }))
            {
                await setup.Encryption.SetupAsync(pinValue, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var logger = loggerFactory.CreateLogger("Ravi.Mcp.Tools");
            var function = AIFunctionFactory.Create(new DemoDeliverMessage(server).DeliverAsync, new AIFunctionFactoryOptions
            {
                Name = DemoDeliverMessage.ToolName,
                Description = DemoDeliverMessage.ToolDescription,
            });
            var tool = McpServerTool.Create(new GuardedFunction(function, logger), new McpServerToolCreateOptions
            {
                Name = DemoDeliverMessage.ToolName,
                Title = "Deliver a test message (demo only)",
                ReadOnly = false,
                Destructive = false,
                Idempotent = false,
                OpenWorld = false,
            });
            return new DemoEnvironment(server, new PinSource(pinValue, "the demo account's PIN", null), tool);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ravi.Mcp.Runtime;

namespace Ravi.Mcp.Hosting;

/// <summary><c>ravi-mcp</c>: MCP over stdin/stdout (the host starts the process).</summary>
internal static class StdioHost
{
    public static async Task RunAsync(RaviMcpRuntime runtime, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        McpLogging.Configure(builder.Logging, runtime.Settings.LogLevel);
        builder.Services
            .AddMcpServer(o => McpServerSetup.Configure(o, runtime))
            .WithStdioServerTransport()
            .WithTools(runtime.Tools);
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}

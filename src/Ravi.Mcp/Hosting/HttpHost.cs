using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.AspNetCore;
using Ravi.Mcp.Runtime;

namespace Ravi.Mcp.Hosting;

/// <summary>
/// <c>ravi-mcp --http</c>: Streamable HTTP at <c>/mcp</c> and the legacy HTTP+SSE transport at <c>/sse</c> (messages to
/// <c>/message</c>), on loopback unless told otherwise, behind the API key when one is set.
/// </summary>
internal static class HttpHost
{
    public const string StreamablePath = "/mcp";
    public const string LegacySsePath = "/sse";
    public const string LegacyMessagePath = "/message";

    public static async Task RunAsync(RaviMcpRuntime runtime, TextWriter stderr, CancellationToken cancellationToken)
    {
        var settings = runtime.Settings;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        McpLogging.Configure(builder.Logging, settings.LogLevel);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var url in settings.Urls)
            {
                var port = url.Port;
                if (ListenAddresses.Parse(url) is { } address)
                {
                    kestrel.Listen(address, port);
                }
                else
                {
                    kestrel.ListenLocalhost(port);
                }
            }
        });
        if (settings.ApiKey is { } apiKey)
        {
            builder.Services.AddSingleton(new ApiKeyOptions(apiKey));
        }

        builder.Services
            .AddMcpServer(o => McpServerSetup.Configure(o, runtime))
            .WithHttpTransport(o =>
            {
                // initialize-handshake clients (2024-11-05 … 2025-11-25, and every legacy SSE client) get sessions;
                // 2026-07-28 clients are served statelessly on the same endpoint.
                o.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9004 // Legacy SSE is what oAI-Web and other older hosts speak; it is served on loopback or behind the API key.
                o.EnableLegacySse = true;
#pragma warning restore MCP9004
            })
            .WithTools(runtime.Tools);

        await using var app = builder.Build();
        if (settings.ApiKey is not null)
        {
            app.UseMiddleware<ApiKeyMiddleware>();
        }

        // The SDK maps the legacy endpoints under the Streamable HTTP prefix (/mcp/sse, /mcp/message); hosts expect /sse
        // (oAI-Web: http://HOST:PORT/sse), so /sse and /message are served by the same endpoints.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Equals(LegacySsePath, StringComparison.Ordinal) ||
                context.Request.Path.Equals(LegacyMessagePath, StringComparison.Ordinal))
            {
                context.Request.Path = StreamablePath + context.Request.Path;
            }

            return next(context);
        });
        app.UseRouting();
        app.MapMcp(StreamablePath);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            await stderr.WriteLineAsync(
                $"ravi-mcp: listening on {address}: Streamable HTTP at {address}/mcp, legacy SSE at {address}/sse" +
                (settings.ApiKey is null ? " (no API key: loopback only)" : " (API key required)")).ConfigureAwait(false);
        }

        await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }
}

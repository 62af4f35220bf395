// Hosting the Ravi tool catalog in your own MCP server (stdio), next to tools of your own.
//
// For a ready-made server use the ravi-mcp tool instead (`dotnet tool install --global Ravi.Mcp`, see docs/agents.md):
// it adds HTTP and legacy SSE, an API key, startup-problem handling, progress and token persistence. This sample shows
// the few lines it takes to serve the same catalog (Ravi.Sdk.Agents, defined once as Microsoft.Extensions.AI
// functions) from an MCP server you already have.
//
// Environment: RAVI_BASE_URL and RAVI_ACCESS_TOKEN (+ RAVI_REFRESH_TOKEN) for the account, RAVI_PIN to unlock the vault.
// stdout carries the protocol: logs go to stderr.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Ravi.Sdk;
using Ravi.Sdk.Agents;
using Ravi.Sdk.Samples.McpServer;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

using var ravi = new RaviClient(new RaviClientOptions
{
    BaseAddress = new Uri(Environment.GetEnvironmentVariable("RAVI_BASE_URL") ?? "https://ravi.app"),
    AccessToken = Environment.GetEnvironmentVariable("RAVI_ACCESS_TOKEN"), // null: `ravi login`'s ~/.ravi/auth.json
    RefreshToken = Environment.GetEnvironmentVariable("RAVI_REFRESH_TOKEN"),
    ApplicationId = "my-mcp-server/1.0",
});
if (Environment.GetEnvironmentVariable("RAVI_PIN") is { Length: > 0 } pin)
{
    await ravi.Encryption.UnlockAsync(pin); // secrets and passwords are decrypted here, never by the host
}

// The catalog, trimmed to what this server offers; each function becomes an MCP tool with its annotations.
var catalog = RaviTools.Create(ravi, new RaviToolOptions
{
    AllowedTools = ["list_identities", "create_identity", "list_email_threads", "wait_for_code", "get_secret", "set_secret", "get_password"],
});
var tools = catalog.OfType<AIFunction>().Select(function =>
{
    var hints = function.GetService<RaviToolAnnotations>()!;
    return McpServerTool.Create(new ErrorResultFunction(function), new McpServerToolCreateOptions
    {
        Title = hints.Title,
        ReadOnly = hints.ReadOnly,
        Destructive = hints.Destructive,
        Idempotent = hints.Idempotent,
        OpenWorld = hints.OpenWorld,
    });
});

builder.Services
    .AddMcpServer(o => o.ServerInstructions = "Ravi identities for agents: an email inbox, a phone number and an encrypted vault each.")
    .WithStdioServerTransport()
    .WithTools(tools);

await builder.Build().RunAsync();

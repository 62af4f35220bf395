// A Model Context Protocol (MCP) server over stdio that gives an AI agent host Ravi identities as tools:
// create_identity, list_identities, read_inbox, wait_for_code, get_secret, set_secret, get_password.
//
// Vault values and passwords are end-to-end encrypted on the server; this process holds the key and decrypts locally, so
// the MCP host (and the model behind it) only ever sees plaintext it asked for, never ciphertext, the PIN or the key.
//
// Register it with an MCP host, e.g.:
//   { "command": "dotnet", "args": ["run", "--project", "samples/Ravi.Sdk.Samples.McpServer"],
//     "env": { "RAVI_BASE_URL": "https://ravi.app", "RAVI_ACCESS_TOKEN": "...", "RAVI_PIN": "123456" } }
//
// Environment: RAVI_BASE_URL and RAVI_ACCESS_TOKEN (+ RAVI_REFRESH_TOKEN) for a real account — without them an embedded
// RaviTestServer is started, so the tools can be tried offline. RAVI_PIN unlocks the vault (embedded mode sets it up with
// it, default 246810). stdout carries the protocol: logs go to stderr.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ravi.Sdk;
using Ravi.Sdk.Samples.McpServer;
using Ravi.Sdk.Testing;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var pin = Environment.GetEnvironmentVariable("RAVI_PIN");
var baseUrl = Environment.GetEnvironmentVariable("RAVI_BASE_URL");
var accessToken = Environment.GetEnvironmentVariable("RAVI_ACCESS_TOKEN");
var embedded = string.IsNullOrEmpty(baseUrl) || string.IsNullOrEmpty(accessToken);
await using var server = embedded ? await RaviTestServer.StartAsync() : null;

builder.Services.AddRavi(options =>
{
    options.BaseAddress = server?.BaseAddress ?? new Uri(baseUrl!);
    options.AccessToken = server?.AccessToken ?? accessToken;
    options.RefreshToken = server?.RefreshToken ?? Environment.GetEnvironmentVariable("RAVI_REFRESH_TOKEN");
    options.ApplicationId = "ravi-mcp-sample/1.0";
    options.UseCliConfiguration = false; // everything explicit: never read or write ~/.ravi
});

builder.Services
    .AddMcpServer(o => o.ServerInfo = new() { Name = "ravi", Version = "1.0.0" })
    .WithStdioServerTransport()
    .WithTools<RaviTools>();

using var host = builder.Build();

// Unlock the vault before serving: tools then return decrypted values.
var ravi = host.Services.GetRequiredService<RaviClient>();
if (server is not null)
{
    await ravi.Encryption.SetupAsync(string.IsNullOrEmpty(pin) ? "246810" : pin); // embedded: a fresh account
}
else if (!string.IsNullOrEmpty(pin))
{
    await ravi.Encryption.UnlockAsync(pin);
}

// Without RAVI_PIN the vault stays locked: the secret tools then answer with an error instead of ciphertext.

await host.RunAsync();

// A generic-host worker that reacts to an identity's inbound SMS and email as they arrive (SSE).
//
//   dotnet run --project samples/Ravi.Sdk.Samples.HostedAgent
//
// With no RAVI_BASE_URL / RAVI_ACCESS_TOKEN it starts an embedded RaviTestServer, points the "Ravi" configuration section
// at it, delivers an SMS and an email once the agent is listening, and stops after receiving both. With them (and
// RAVI_IDENTITY_UUID, or an identity selected with the CLI) it runs against that server until Ctrl+C.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ravi.Sdk.Samples.HostedAgent;
using Ravi.Sdk.Testing;

// appsettings.json is copied next to the binary: load it from there whatever the working directory is.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

var baseUrl = Environment.GetEnvironmentVariable("RAVI_BASE_URL");
var embedded = string.IsNullOrEmpty(baseUrl) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RAVI_ACCESS_TOKEN"));
await using var server = embedded ? await RaviTestServer.StartAsync() : null;

if (server is not null)
{
    // Embedded mode: the same configuration keys a deployment would set in appsettings.json or environment variables
    // (Ravi__BaseAddress, Ravi__IdentityUuid, ...), here pointing at the in-process server.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Ravi:BaseAddress"] = server.BaseAddress.ToString(),
        ["Ravi:AccessToken"] = server.AccessToken,
        ["Ravi:RefreshToken"] = server.RefreshToken,
        ["Ravi:IdentityUuid"] = server.Identity.Uuid,
        ["Ravi:UseCliConfiguration"] = "false", // never read or write ~/.ravi for the demo
        ["Agent:StopAfterMessages"] = "2",
    });
    builder.Services.AddSingleton(server);
    builder.Services.AddHostedService<EmbeddedTraffic>();
}
else
{
    // Real mode: the token comes from RAVI_ACCESS_TOKEN (+ RAVI_REFRESH_TOKEN) through the SDK's credential chain.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Ravi:BaseAddress"] = baseUrl,
        ["Ravi:IdentityUuid"] = Environment.GetEnvironmentVariable("RAVI_IDENTITY_UUID"),
    });
}

builder.Services.AddRavi(builder.Configuration.GetSection("Ravi"));
builder.Services.Configure<AgentOptions>(o =>
    o.StopAfterMessages = builder.Configuration.GetValue("Agent:StopAfterMessages", 0));
builder.Services.AddSingleton<AgentResult>();
builder.Services.AddHostedService<InboxAgent>();

using var host = builder.Build();
var result = host.Services.GetRequiredService<AgentResult>();

// The embedded demo must finish in seconds; a real agent runs until stopped.
using var deadline = server is not null ? new CancellationTokenSource(TimeSpan.FromSeconds(30)) : new CancellationTokenSource();
await host.RunAsync(deadline.Token);

if (server is not null && !result.Completed)
{
    Console.Error.WriteLine($"The agent received {result.Received} of 2 messages before the deadline.");
    return 1;
}

Console.WriteLine($"Done: {result.Received} message(s) handled.");
return 0;

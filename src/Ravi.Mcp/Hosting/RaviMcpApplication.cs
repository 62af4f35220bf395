using Microsoft.Extensions.Logging;
using Ravi.Mcp.Configuration;
using Ravi.Mcp.Demo;
using Ravi.Mcp.Runtime;

namespace Ravi.Mcp.Hosting;

/// <summary>The <c>ravi-mcp</c> command: reads the settings, then serves stdio or HTTP until the host stops it.</summary>
internal static class RaviMcpApplication
{
    public const string Usage = """
        ravi-mcp: the Ravi MCP server (identities with an email inbox, a phone number and an encrypted vault, for agents).

        Usage:
          ravi-mcp [options]                 serve MCP over stdio (the agent host starts this process)
          ravi-mcp --http [--urls URL] ...   serve Streamable HTTP at /mcp and legacy SSE at /sse

        Options:
          --http                 Serve HTTP instead of stdio (default address http://localhost:3000: loopback).
          --urls URL[;URL]       Listen addresses, e.g. http://127.0.0.1:3000 (RAVI_MCP_URLS). Port 0 picks a free port.
          --api-key KEY          Require this key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY' (RAVI_MCP_API_KEY).
                                 Required for an address other than loopback.
          --demo                 Run against an embedded Ravi test server (nothing real; adds demo_deliver_message).
          --base-url URL         The Ravi API (RAVI_BASE_URL; default https://ravi.app).
          --config FILE          A JSON config file (RAVI_MCP_CONFIG; default mcp.json in the CLI directory, ~/.ravi).
          --config-dir DIR       The ravi CLI directory (RAVI_CONFIG_DIR; default ~/.ravi).
          --state-dir DIR        Where tokens from RAVI_ACCESS_TOKEN are kept after a refresh (RAVI_MCP_STATE_DIR; default ~/.ravi/mcp).
          --pin-file FILE        A file holding the 6-digit PIN (RAVI_PIN_FILE); RAVI_PIN holds the PIN itself.
          --identity UUID        Pin every tool to one identity (RAVI_MCP_IDENTITY).
          --read-only            Offer only tools that change nothing (RAVI_MCP_READ_ONLY=true).
          --tools a,b,c          Offer only these tools (RAVI_MCP_TOOLS).
          --log-level LEVEL      Trace, Debug, Information, Warning (default), Error (RAVI_MCP_LOG_LEVEL). Logs go to stderr.
          --version, --help

        Credentials: RAVI_ACCESS_TOKEN (+ RAVI_REFRESH_TOKEN), else the auth.json that `ravi login` wrote. Unlock: RAVI_PIN, a
        PIN file, else the key the ravi CLI stored. Problems never stop the server: every tool answers with what to fix.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, McpEnvironment environment, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var loaded = SettingsLoader.Load(args, environment);
        switch (loaded.Command)
        {
            case LauncherCommand.Help:
                await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            case LauncherCommand.Version:
                await stdout.WriteLineAsync("ravi-mcp " + ServerInstructions.Version).ConfigureAwait(false);
                return 0;
        }

        if (loaded.UsageError is { } usageError)
        {
            await stderr.WriteLineAsync("ravi-mcp: " + usageError + Environment.NewLine + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        var settings = loaded.Settings;
        if (settings.Http && settings.ApiKey is null && settings.Urls.FirstOrDefault(u => !ListenAddresses.IsLoopback(u)) is { } exposed)
        {
            await stderr.WriteLineAsync(
                $"ravi-mcp: refusing to listen on {exposed} without an API key: anyone who can reach it could use the Ravi account. " +
                "Set --api-key or RAVI_MCP_API_KEY, or listen on 127.0.0.1.").ConfigureAwait(false);
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => McpLogging.Configure(logging, settings.LogLevel));
        DemoEnvironment? demo = null;
        if (settings.Demo)
        {
            demo = await DemoEnvironment.StartAsync(environment, loggerFactory, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync(
                $"ravi-mcp: DEMO MODE: serving an embedded Ravi test server at {demo.Server.BaseAddress} (nothing is real or " +
                "reaches the outside world; demo_deliver_message makes a test SMS or email arrive).").ConfigureAwait(false);
        }

        try
        {
            var runtime = await RaviMcpRuntime.CreateAsync(settings, loaded.Problems, environment, loggerFactory, demo, cancellationToken).ConfigureAwait(false);
            await using (runtime.ConfigureAwait(false))
            {
                if (settings.Http)
                {
                    await HttpHost.RunAsync(runtime, stderr, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await StdioHost.RunAsync(runtime, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (demo is not null)
            {
                await demo.DisposeAsync().ConfigureAwait(false);
            }
        }

        return 0;
    }
}

using System.Collections.Concurrent;
using ModelContextProtocol.Client;
using Ravi.Mcp.Tests.Support;

namespace Ravi.Mcp.Tests;

/// <summary>--demo is never silent: it says so on stderr and in the instructions, and adds the tool that makes a code arrive.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task Demo_mode_announces_itself_and_delivers_a_code_that_wait_for_code_returns()
    {
        var home = Directory.CreateTempSubdirectory("ravi-mcp-demo-").FullName;
        try
        {
            var stderr = new ConcurrentQueue<string>();
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Command = "dotnet",
                Arguments = [McpProcess.Dll, "--demo"],
                EnvironmentVariables = new Dictionary<string, string?> { ["HOME"] = home, ["RAVI_ACCESS_TOKEN"] = null, ["RAVI_PIN"] = null, ["RAVI_BASE_URL"] = null },
                StandardErrorLines = stderr.Enqueue,
            });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);

            Assert.StartsWith("DEMO MODE", client.ServerInstructions, StringComparison.Ordinal);
            Assert.Contains(stderr, line => line.Contains("DEMO MODE", StringComparison.Ordinal));
            Assert.Contains((await client.ListToolsAsync()).Select(t => t.Name), name => name == "demo_deliver_message");

            var identity = await client.CallOkAsync("create_identity", new() { ["name"] = "demo-signup" });
            var uuid = identity.GetProperty("uuid").GetString();
            var delivered = await client.CallAsync("demo_deliver_message",
                new() { ["identity"] = uuid, ["channel"] = "email", ["text"] = "Your verification code is 560128." });
            Assert.True(delivered.IsError is null or false, ToolCalls.Text(delivered));
            var code = await client.CallOkAsync("wait_for_code", new() { ["identity"] = uuid, ["timeout_seconds"] = 20 });
            Assert.Equal("560128", code.GetProperty("code").GetString());

            var secret = await client.CallAsync("set_secret", new() { ["identity"] = uuid, ["key"] = "DEMO", ["value"] = "works" });
            Assert.True(secret.IsError is null or false, ToolCalls.Text(secret)); // the demo account is unlocked

            var bad = await client.CallAsync("demo_deliver_message", new() { ["identity"] = uuid, ["channel"] = "pigeon", ["text"] = "hi" });
            Assert.True(bad.IsError);
            Assert.Contains("channel must be 'sms' or 'email'", ToolCalls.Text(bad), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(home, ".ravi", "auth.json"))); // nothing of a real account touched
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}

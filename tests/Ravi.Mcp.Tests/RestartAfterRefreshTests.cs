using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ravi.Mcp.Tests.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Mcp.Tests;

/// <summary>
/// Refresh tokens are single use (the test server rotates them, as Ravi does), so a refresh that lives only in memory
/// leaves a restarted server with a spent token. ravi-mcp persists rotations: into the CLI's auth.json when the tokens
/// came from there, into its own token file when they came from RAVI_ACCESS_TOKEN/RAVI_REFRESH_TOKEN.
/// </summary>
public sealed class RestartAfterRefreshTests
{
    [Fact]
    public async Task Tokens_from_the_cli_file_are_refreshed_in_that_file_and_a_restart_continues_from_them()
    {
        await using var account = await TestAccount.CreateAsync(new RaviTestServerOptions { RotateRefreshTokens = true });
        var stderr = new ConcurrentQueue<string>();

        await using (var firstServer = await InProcessServer.StartAsync(account.Environment(), stderr))
        {
            var first = firstServer.Client;
            await first.CallOkAsync("list_identities", []);
            account.Server.ExpireAllTokens();
            await first.CallOkAsync("list_identities", [], string.Join('\n', stderr)); // refreshes once, rotating the refresh token
        }

        Assert.Equal(1, account.Server.RefreshCallCount);
        Assert.NotEqual(account.Server.RefreshToken, ReadField(account.AuthFile, "refresh_token"));
        Assert.Equal(account.Server.UserEmail, ReadField(account.AuthFile, "user_email")); // the CLI's fields survive

        account.Server.ExpireAllTokens(); // the restarted server must refresh again, with the rotated token
        await using var secondServer = await InProcessServer.StartAsync(account.Environment(), stderr);
        var second = secondServer.Client;
        await second.CallOkAsync("list_identities", [], string.Join('\n', stderr));
        Assert.Equal(2, account.Server.RefreshCallCount);
    }

    [Fact]
    public async Task Tokens_from_the_environment_are_kept_in_the_state_file_so_a_restart_with_the_same_environment_works()
    {
        await using var account = await TestAccount.CreateAsync(new RaviTestServerOptions { RotateRefreshTokens = true }, signedIn: false);
        var stateDirectory = Path.Combine(account.Home, "state");
        var environment = account.Environment();
        environment["RAVI_ACCESS_TOKEN"] = account.Server.AccessToken;
        environment["RAVI_REFRESH_TOKEN"] = account.Server.RefreshToken;
        environment["RAVI_MCP_STATE_DIR"] = stateDirectory;
        var stderr = new ConcurrentQueue<string>();

        await using (var firstServer = await InProcessServer.StartAsync(environment, stderr))
        {
            var first = firstServer.Client;
            account.Server.ExpireAllTokens();
            await first.CallOkAsync("list_identities", [], string.Join('\n', stderr));
        }

        var stateFile = Path.Combine(stateDirectory, "auth.json");
        Assert.NotEqual(account.Server.RefreshToken, ReadField(stateFile, "refresh_token"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stateFile));
        }

        // Same environment (the host config did not change), spent refresh token in it: the state file carries on.
        account.Server.ExpireAllTokens();
        await using (var secondServer = await InProcessServer.StartAsync(environment, stderr))
        {
            var second = secondServer.Client;
            await second.CallOkAsync("list_identities", [], string.Join('\n', stderr));
        }

        Assert.Equal(2, account.Server.RefreshCallCount);

        // Without the state file the environment's spent token is all there is: the tools say it was rejected.
        environment["RAVI_MCP_STATE_DIR"] = Path.Combine(account.Home, "fresh-state");
        await using var thirdServer = await InProcessServer.StartAsync(environment, stderr);
        var third = thirdServer.Client;
        var rejected = await third.CallAsync("list_identities", []);
        Assert.True(rejected.IsError);
        Assert.Contains("Ravi rejected the credential from RAVI_ACCESS_TOKEN", ToolCalls.Text(rejected), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_tokens_in_the_environment_replace_the_state_file()
    {
        await using var account = await TestAccount.CreateAsync(signedIn: false);
        var stateDirectory = Path.Combine(account.Home, "state");
        var environment = account.Environment();
        environment["RAVI_ACCESS_TOKEN"] = "stale-access";
        environment["RAVI_REFRESH_TOKEN"] = "stale-refresh";
        environment["RAVI_MCP_STATE_DIR"] = stateDirectory;
        var stderr = new ConcurrentQueue<string>();
        await using (var staleServer = await InProcessServer.StartAsync(environment, stderr))
        {
            var stale = staleServer.Client;
            Assert.True((await stale.CallAsync("list_identities", [])).IsError);
        }

        var fresh = account.Server.IssueTokens();
        environment["RAVI_ACCESS_TOKEN"] = fresh.AccessToken;
        environment["RAVI_REFRESH_TOKEN"] = fresh.RefreshToken;
        await using var server = await InProcessServer.StartAsync(environment, stderr);
        var client = server.Client;

        await client.CallOkAsync("list_identities", [], string.Join('\n', stderr));
        Assert.Equal(fresh.RefreshToken, ReadField(Path.Combine(stateDirectory, "auth.json"), "refresh_token"));
    }

    private static string? ReadField(string path, string field) =>
        JsonNode.Parse(File.ReadAllText(path))?[field]?.GetValue<string>();
}

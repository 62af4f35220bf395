using System.Collections.Concurrent;
using System.Text.Json;
using Ravi.Mcp.Tests.Support;
using Ravi.Sdk.Agents;

namespace Ravi.Mcp.Tests;

/// <summary>
/// Startup problems never cost the host its tools: ravi-mcp answers <c>initialize</c> and <c>tools/list</c> whatever state
/// Ravi is in, and each tool call answers with the reason and what to do. Fixing the cause brings the tools back without
/// a restart.
/// </summary>
public sealed class StartupProblemTests
{
    [Fact]
    public async Task Without_credentials_it_serves_every_tool_and_each_answers_how_to_sign_in_until_ravi_login()
    {
        await using var account = await TestAccount.CreateAsync(signedIn: false);
        var stderr = new ConcurrentQueue<string>();
        await using var server = await InProcessServer.StartAsync(account.Environment(), stderr);
        var client = server.Client;

        var tools = await client.ListToolsAsync();
        Assert.Equal(RaviTools.ToolNames.Order(StringComparer.Ordinal), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var name in new[] { "list_identities", "get_secret", "wait_for_code" })
        {
            var arguments = name == "list_identities" ? new Dictionary<string, object?>() : new() { ["identity"] = "x" };
            var result = await client.CallAsync(name, arguments);
            Assert.True(result.IsError);
            Assert.Contains("not signed in", ToolCalls.Text(result), StringComparison.Ordinal);
            Assert.Contains("ravi login", ToolCalls.Text(result), StringComparison.Ordinal);
        }

        // `ravi login` on this machine: the next calls (after the retry interval) find the new auth.json.
        account.WriteLogin(account.Server.AccessToken, account.Server.RefreshToken);
        var listed = await PollUntilOkAsync(client, "list_identities");
        Assert.Contains(account.Server.Identity.Uuid, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_pin_locks_only_the_vault_tools_and_says_which_pin_is_wrong()
    {
        await using var account = await TestAccount.CreateAsync();
        var stderr = new ConcurrentQueue<string>();
        await using var server = await InProcessServer.StartAsync(account.Environment(pin: "000000"), stderr);
        var client = server.Client;

        var identities = await client.CallAsync("list_identities", []);
        Assert.True(identities.IsError is null or false, ToolCalls.Text(identities));
        await account.Client.ForIdentity(account.Server.Identity.Uuid).Vault.SetAsync("OPENAI_API_KEY", "sk-test");

        var secret = await client.CallAsync("get_secret", new() { ["identity"] = account.Server.Identity.Uuid, ["key"] = "OPENAI_API_KEY" });
        Assert.True(secret.IsError);
        Assert.Contains("PIN from RAVI_PIN is wrong", ToolCalls.Text(secret), StringComparison.Ordinal);
        Assert.DoesNotContain("000000", ToolCalls.Text(secret), StringComparison.Ordinal);
        Assert.DoesNotContain(stderr, line => line.Contains("000000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_token_is_answered_by_every_tool_with_where_the_credential_came_from()
    {
        await using var account = await TestAccount.CreateAsync(signedIn: false);
        account.WriteLogin("not-a-valid-token", "not-a-valid-refresh-token");
        var stderr = new ConcurrentQueue<string>();
        await using var server = await InProcessServer.StartAsync(account.Environment(), stderr);
        var client = server.Client;

        Assert.NotEmpty(await client.ListToolsAsync());
        var result = await client.CallAsync("list_identities", []);

        Assert.True(result.IsError);
        Assert.Contains("Ravi rejected the credential from " + account.AuthFile, ToolCalls.Text(result), StringComparison.Ordinal);
        Assert.DoesNotContain(stderr, line => line.Contains("not-a-valid", StringComparison.Ordinal));
        Assert.DoesNotContain(stderr, line => line.Contains(" EXCEPTION ", StringComparison.Ordinal)); // no stack traces for expected failures
    }

    [Fact]
    public async Task A_bad_config_file_is_reported_by_the_tools_instead_of_stopping_the_server()
    {
        await using var account = await TestAccount.CreateAsync();
        File.WriteAllText(Path.Combine(account.CliDirectory, "mcp.json"), "{ \"pinFile\": ");
        var stderr = new ConcurrentQueue<string>();
        await using var server = await InProcessServer.StartAsync(account.Environment(), stderr);
        var client = server.Client;

        var result = await client.CallAsync("list_identities", []);

        Assert.True(result.IsError);
        Assert.Contains("mcp.json is not valid JSON", ToolCalls.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pin_file_from_the_config_file_unlocks_the_vault_with_no_arguments_or_environment()
    {
        // oAI-Web passes neither arguments nor environment: ~/.ravi/mcp.json and the CLI's auth.json are all there is.
        await using var account = await TestAccount.CreateAsync();
        var pinFile = Path.Combine(account.CliDirectory, "pin");
        File.WriteAllText(pinFile, TestAccount.Pin + "\n");
        File.WriteAllText(Path.Combine(account.CliDirectory, "mcp.json"),
            JsonSerializer.Serialize(new Dictionary<string, string> { ["pinFile"] = pinFile, ["baseUrl"] = account.Server.BaseAddress.ToString() }));
        var environment = account.Environment(pin: null);
        environment["RAVI_BASE_URL"] = null;
        var stderr = new ConcurrentQueue<string>();
        await using var server = await InProcessServer.StartAsync(environment, stderr);
        var client = server.Client;

        var uuid = account.Server.Identity.Uuid;
        var set = await client.CallAsync("set_secret", new() { ["identity"] = uuid, ["key"] = "PIN_FILE_CHECK", ["value"] = "opened" });
        Assert.True(set.IsError is null or false, ToolCalls.Text(set) + string.Join('\n', stderr));
        var got = await client.CallOkAsync("get_secret", new() { ["identity"] = uuid, ["key"] = "PIN_FILE_CHECK" });
        Assert.Equal("opened", got.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Without_a_pin_the_key_the_cli_stored_unlocks_the_vault()
    {
        // A key pair and verifier the official CLI produced (docs/encryption.md#known-answers, identity_for_fields).
        const string salt = "Ae59XbCbyj5JcDya3hoEyg==";
        const string publicKey = "G2LNICFAmrek37/0KJa2ech8lvacSXD0G7rfzmsBGAw=";
        const string privateKeyCli = "6FtpkxIO7zQR+au/ClRP/vnng/JvgQGgRn1IklGYV0I=";
        const string verifier = "BDpvSE7f4+eaCtXuNcFY9KS/LtxJjcIOKswgr+tZsjPThcRSXBgXnv6AlOCbo5bDox22yILJdkmlcGdQCAd7";
        await using var account = await TestAccount.CreateAsync(signedIn: false, setUpEncryption: false);
        account.Server.SetEncryption(salt, verifier, publicKey);
        account.WriteLogin(account.Server.AccessToken, account.Server.RefreshToken, privateKeyCli, publicKey);
        var stderr = new ConcurrentQueue<string>();
        await using var server = await InProcessServer.StartAsync(account.Environment(pin: null), stderr);
        var client = server.Client;

        var uuid = account.Server.Identity.Uuid;
        var set = await client.CallAsync("set_secret", new() { ["identity"] = uuid, ["key"] = "CLI_KEY_CHECK", ["value"] = "sealed" });
        Assert.True(set.IsError is null or false, ToolCalls.Text(set));
        var got = await client.CallOkAsync("get_secret", new() { ["identity"] = uuid, ["key"] = "CLI_KEY_CHECK" });
        Assert.Equal("sealed", got.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Without_a_pin_or_stored_key_the_vault_tools_say_how_to_unlock()
    {
        await using var account = await TestAccount.CreateAsync();
        var stderr = new ConcurrentQueue<string>();
        await using var server = await InProcessServer.StartAsync(account.Environment(pin: null), stderr);
        var client = server.Client;

        await account.Client.ForIdentity(account.Server.Identity.Uuid).Vault.SetAsync("LOCKED_CHECK", "sealed");
        var result = await client.CallAsync("get_secret", new() { ["identity"] = account.Server.Identity.Uuid, ["key"] = "LOCKED_CHECK" });

        Assert.True(result.IsError);
        Assert.Contains("RAVI_PIN", ToolCalls.Text(result), StringComparison.Ordinal);
        Assert.Contains("pinFile", ToolCalls.Text(result), StringComparison.Ordinal);
    }

    /// <summary>Calls until the tool succeeds (bounded): the server rebuilds a failed session only after its retry interval.</summary>
    private static async Task<string> PollUntilOkAsync(ModelContextProtocol.Client.McpClient client, string tool)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (true)
        {
            var result = await client.CallAsync(tool, []);
            if (result.IsError is null or false)
            {
                return ToolCalls.Text(result);
            }

            Assert.True(DateTime.UtcNow < deadline, $"{tool} still fails: {ToolCalls.Text(result)}");
            await Task.Delay(500);
        }
    }
}

using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Samples.Tests.McpServer;

/// <summary>
/// Drives the "host the catalog in your own MCP server" sample the way an agent host does: an MCP client starts the
/// process over stdio and calls the Ravi tools it chose to serve; results are checked against the RaviTestServer.
/// </summary>
public sealed class McpServerTests(McpServerFixture fixture) : IClassFixture<McpServerFixture>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Serves_exactly_the_catalog_tools_it_allowed_with_their_annotations()
    {
        var tools = await fixture.Mcp.ListToolsAsync();

        Assert.Equal(
            ["create_identity", "get_password", "get_secret", "list_email_threads", "list_identities", "set_secret", "wait_for_code"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        var byName = tools.ToDictionary(t => t.Name);
        Assert.True(byName["list_identities"].ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.False(byName["wait_for_code"].ProtocolTool.Annotations?.ReadOnlyHint); // it consumes the code
        Assert.True(byName["set_secret"].ProtocolTool.Annotations?.DestructiveHint);
    }

    [Fact]
    public async Task Create_identity_creates_it_on_the_server_and_wait_for_code_returns_its_code()
    {
        var created = await CallAsync("create_identity", new() { ["name"] = "mcp-sample-created" });
        var uuid = created.GetProperty("uuid").GetString()!;
        Assert.Equal("mcp-sample-created", (await fixture.Client.Identities.GetAsync(uuid)).Name);

        fixture.Server.InjectSms(uuid, "+15550101111", "Your Example code is 731904. It expires in 10 minutes.");
        var code = await CallAsync("wait_for_code", new() { ["identity"] = uuid, ["channel"] = "sms", ["timeout_seconds"] = 20 });

        Assert.Equal("731904", code.GetProperty("code").GetString());
        Assert.Equal("+15550101111", code.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Set_secret_stores_ciphertext_only_and_get_secret_returns_the_plaintext()
    {
        const string value = "sk-live-4f9a7c1e+plaintext";
        var identity = fixture.Server.Identity.Uuid;

        await CallAsync("set_secret", new() { ["identity"] = identity, ["key"] = "PAYMENTS_API_KEY", ["value"] = value });

        var secret = await fixture.Client.ForIdentity(identity).Vault.ListAsync().SingleAsync(s => s.Key == "PAYMENTS_API_KEY");
        var raw = await GetRawAsync($"api/vault/{secret.Uuid}/", identity);
        Assert.StartsWith("e2e::", raw.GetProperty("value").GetString());
        Assert.DoesNotContain("plaintext", raw.GetRawText(), StringComparison.Ordinal);

        var read = await CallAsync("get_secret", new() { ["identity"] = identity, ["key"] = "PAYMENTS_API_KEY" });
        Assert.Equal(value, read.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Get_password_decrypts_a_credential_stored_by_another_client()
    {
        var identity = fixture.Server.CreateIdentity("mcp-sample-password");
        await fixture.Client.ForIdentity(identity.Uuid).Passwords.CreateAsync(new PasswordEntryRequest
        {
            Domain = "shop.example.com",
            Username = "mcp-password@in.ravi.test",
            Password = "correct horse 42!",
        });

        var result = await CallAsync("get_password", new() { ["identity"] = identity.Uuid, ["domain"] = "shop.example.com" });

        var entry = result.GetProperty("entries")[0];
        Assert.Equal("mcp-password@in.ravi.test", entry.GetProperty("username").GetString());
        Assert.Equal("correct horse 42!", entry.GetProperty("password").GetString());
    }

    [Fact]
    public async Task Tool_failures_come_back_as_error_results_that_say_what_to_do()
    {
        var missing = await fixture.Mcp.CallToolAsync(
            "get_secret",
            new Dictionary<string, object?> { ["identity"] = fixture.Server.Identity.Uuid, ["key"] = "NO_SUCH_KEY" },
            cancellationToken: Timeout());
        Assert.True(missing.IsError);
        Assert.Contains("NO_SUCH_KEY", Text(missing), StringComparison.Ordinal);

        var unknownIdentity = await fixture.Mcp.CallToolAsync(
            "list_email_threads", new Dictionary<string, object?> { ["identity"] = "not-an-identity" }, cancellationToken: Timeout());
        Assert.True(unknownIdentity.IsError);
        Assert.Contains("list_identities", Text(unknownIdentity), StringComparison.Ordinal);
    }

    private async Task<JsonElement> CallAsync(string tool, Dictionary<string, object?> arguments)
    {
        var result = await fixture.Mcp.CallToolAsync(tool, arguments, cancellationToken: Timeout());
        Assert.True(result.IsError is null or false, $"{tool} failed: {Text(result)}\n{string.Join('\n', fixture.ServerErrors)}");
        return JsonDocument.Parse(Text(result)).RootElement.Clone();
    }

    private static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    private static CancellationToken Timeout() => new CancellationTokenSource(CallTimeout).Token;

    private async Task<JsonElement> GetRawAsync(string path, string identity)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Server.AccessToken);
        request.Headers.Add("X-Ravi-Identity", identity);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

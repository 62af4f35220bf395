using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Samples.Tests.McpServer;

/// <summary>
/// Drives the MCP server sample the way an agent host does: an MCP client from the ModelContextProtocol package starts
/// the process over stdio and calls each tool; the results are checked against the RaviTestServer's state.
/// </summary>
public sealed class McpServerTests(McpServerFixture fixture) : IClassFixture<McpServerFixture>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Lists_exactly_the_documented_tools()
    {
        var tools = await fixture.Mcp.ListToolsAsync();

        Assert.Equal(
            ["create_identity", "get_password", "get_secret", "list_identities", "read_inbox", "set_secret", "wait_for_code"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public async Task Create_identity_creates_it_on_the_server_and_list_identities_returns_it()
    {
        var created = await CallAsync("create_identity", new() { ["name"] = "mcp-created" });

        var uuid = created.GetProperty("uuid").GetString()!;
        Assert.Equal("mcp-created", created.GetProperty("name").GetString());
        var onServer = await fixture.Client.Identities.GetAsync(uuid);
        Assert.Equal(onServer.Inbox, created.GetProperty("inbox").GetString());
        Assert.Equal(onServer.PhoneNumber, created.GetProperty("phone").GetString());

        var listed = await CallAsync("list_identities", []);
        var uuids = listed.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("uuid").GetString()).ToList();
        Assert.Contains(uuid, uuids);
        Assert.Contains(fixture.Server.Identity.Uuid, uuids);
    }

    [Fact]
    public async Task Read_inbox_returns_the_identity_s_email_and_sms()
    {
        var identity = fixture.Server.CreateIdentity("mcp-inbox");
        fixture.Server.InjectEmail(identity.Uuid, "news@example.com", "Weekly digest", "Three things happened.");
        fixture.Server.InjectSms(identity.Uuid, "+15550109999", "Your table is ready");

        var inbox = await CallAsync("read_inbox", new() { ["identityUuid"] = identity.Uuid, ["unreadOnly"] = true });

        var email = Assert.Single(inbox.GetProperty("emails").EnumerateArray());
        Assert.Equal("news@example.com", email.GetProperty("from").GetString());
        Assert.Equal("Weekly digest", email.GetProperty("subject").GetString());
        var sms = Assert.Single(inbox.GetProperty("sms").EnumerateArray());
        Assert.Equal("+15550109999", sms.GetProperty("from").GetString());
        Assert.Contains("table is ready", sms.GetProperty("preview").GetString());
    }

    [Fact]
    public async Task Wait_for_code_returns_the_code_sent_to_that_identity_only()
    {
        var identity = fixture.Server.CreateIdentity("mcp-otp");
        var other = fixture.Server.CreateIdentity("mcp-otp-other");

        var call = CallAsync("wait_for_code", new() { ["identityUuid"] = identity.Uuid, ["channel"] = "sms", ["timeoutSeconds"] = 20 });
        // No need to wait for the call to be under way: a wait accepts messages from its start minus a clock-skew
        // tolerance, and polls once when its event stream connects.
        fixture.Server.InjectSms(other.Uuid, "+15550101111", "Your Example code is 111111.");
        fixture.Server.InjectSms(identity.Uuid, "+15550101111", "Your Example code is 731904. It expires in 10 minutes.");
        var result = await call;

        Assert.Equal("731904", result.GetProperty("code").GetString());
        Assert.Equal("sms", result.GetProperty("channel").GetString());
        Assert.Equal("+15550101111", result.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Wait_for_code_times_out_with_an_error_result_naming_what_it_waited_for()
    {
        var identity = fixture.Server.CreateIdentity("mcp-otp-silent");

        var result = await fixture.Mcp.CallToolAsync(
            "wait_for_code",
            new Dictionary<string, object?> { ["identityUuid"] = identity.Uuid, ["channel"] = "email", ["timeoutSeconds"] = 1 },
            cancellationToken: Timeout());

        Assert.True(result.IsError);
        Assert.Contains("email code", Text(result));
    }

    [Fact]
    public async Task Set_secret_stores_ciphertext_only_and_get_secret_returns_the_plaintext()
    {
        const string value = "sk-live-4f9a7c1e-plaintext";
        var identity = fixture.Server.Identity.Uuid;

        var stored = await CallAsync("set_secret", new() { ["identityUuid"] = identity, ["key"] = "PAYMENTS_API_KEY", ["value"] = value });
        Assert.Equal("PAYMENTS_API_KEY", stored.GetProperty("key").GetString());
        Assert.DoesNotContain(value, stored.GetRawText());

        // What the server holds is a sealed box, not the value.
        var raw = await GetRawAsync($"api/vault/{stored.GetProperty("uuid").GetString()}/", identity);
        var onServer = raw.GetProperty("value").GetString()!;
        Assert.StartsWith("e2e::", onServer);
        Assert.DoesNotContain(value, raw.GetRawText());

        var read = await CallAsync("get_secret", new() { ["identityUuid"] = identity, ["key"] = "PAYMENTS_API_KEY" });
        Assert.Equal(value, read.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Get_password_decrypts_a_credential_stored_by_another_client()
    {
        var identity = fixture.Server.CreateIdentity("mcp-password");
        await fixture.Client.ForIdentity(identity.Uuid).Passwords.CreateAsync(new PasswordEntryRequest
        {
            Domain = "shop.example.com",
            Username = "mcp-password@in.ravi.test",
            Password = "correct horse 42!",
        });

        var result = await CallAsync("get_password", new() { ["identityUuid"] = identity.Uuid, ["domain"] = "shop.example.com" });

        Assert.Equal("mcp-password@in.ravi.test", result.GetProperty("username").GetString());
        Assert.Equal("correct horse 42!", result.GetProperty("password").GetString());
    }

    [Fact]
    public async Task Tool_errors_come_back_as_error_results_with_a_useful_message()
    {
        var missing = await fixture.Mcp.CallToolAsync(
            "get_secret",
            new Dictionary<string, object?> { ["identityUuid"] = fixture.Server.Identity.Uuid, ["key"] = "NO_SUCH_KEY" },
            cancellationToken: Timeout());
        Assert.True(missing.IsError);
        Assert.Contains("NO_SUCH_KEY", Text(missing));

        var badUuid = await fixture.Mcp.CallToolAsync(
            "read_inbox", new Dictionary<string, object?> { ["identityUuid"] = "not-a-uuid" }, cancellationToken: Timeout());
        Assert.True(badUuid.IsError);
        Assert.Contains("UUID", Text(badUuid));
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

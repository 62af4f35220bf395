using Ravi.Sdk.Agents.Tests.Support;
using Ravi.Sdk.Totp;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>Secrets, passwords and TOTP tools against the test server, unlocked.</summary>
public sealed class VaultToolTests : AgentTestBase
{
    private const string Rfc6238Sha1 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private string Identity => $$"""{"identity":"{{IdentityUuid}}" """.TrimEnd();

    [Fact]
    public async Task Secrets_round_trip_and_values_are_never_echoed_by_set()
    {
        var tools = Tools();
        var stored = Ok(await CallAsync(tools, "set_secret", Identity + """, "key": "OPENAI_API_KEY", "value": "sk-live+secret"}"""));
        Assert.DoesNotContain("sk-live", stored.GetRawText(), StringComparison.Ordinal);

        var listed = Ok(await CallAsync(tools, "list_secrets", Identity + "}"));
        Assert.Equal("OPENAI_API_KEY", listed.GetProperty("secrets")[0].GetProperty("key").GetString());
        Assert.DoesNotContain("sk-live", listed.GetRawText(), StringComparison.Ordinal);

        Assert.Equal("sk-live+secret", Ok(await CallAsync(tools, "get_secret", Identity + """, "key": "OPENAI_API_KEY"}""")).GetProperty("value").GetString());
        Assert.Equal("deleted", Ok(await CallAsync(tools, "delete_secret", Identity + """, "key": "OPENAI_API_KEY"}""")).GetProperty("status").GetString());
        Error(await CallAsync(tools, "get_secret", Identity + """, "key": "OPENAI_API_KEY"}"""), "not_found");
        Error(await CallAsync(tools, "delete_secret", Identity + """, "key": "OPENAI_API_KEY"}"""), "not_found");
    }

    [Fact]
    public async Task Passwords_save_update_list_generate_and_delete()
    {
        var tools = Tools();
        Assert.Equal("created", Ok(await CallAsync(tools, "save_password", Identity + """, "domain": "Example.com", "username": "agent", "password": "hunter2+x"}""")).GetProperty("status").GetString());
        var updated = Ok(await CallAsync(tools, "save_password", Identity + """, "domain": "https://example.com/login", "username": "agent", "password": "better+pw"}"""));
        Assert.Equal("updated", updated.GetProperty("status").GetString());
        Assert.False(updated.TryGetProperty("password", out _)); // a given password is not echoed

        var listed = Ok(await CallAsync(tools, "list_passwords", Identity + "}"));
        Assert.Equal(1, listed.GetProperty("count").GetInt32());
        Assert.DoesNotContain("better", listed.GetRawText(), StringComparison.Ordinal);
        var entry = Ok(await CallAsync(tools, "get_password", Identity + """, "domain": "www.example.com"}""")).GetProperty("entries")[0];
        Assert.Equal("better+pw", entry.GetProperty("password").GetString());

        var generated = Ok(await CallAsync(tools, "generate_password", Identity + """, "length": 32, "special": false}"""));
        Assert.Equal(32, generated.GetProperty("password").GetString()!.Length);

        Ok(await CallAsync(tools, "delete_password", Identity + """, "domain": "example.com"}"""));
        Error(await CallAsync(tools, "get_password", Identity + """, "domain": "example.com"}"""), "not_found");
    }

    [Fact]
    public async Task Totp_tools_enrol_return_the_first_code_list_and_compute()
    {
        var tools = Tools();
        var enrolled = Ok(await CallAsync(tools, "enroll_totp", Identity + $$""", "secret": "otpauth://totp/GitHub:agent?secret={{Rfc6238Sha1}}&issuer=GitHub"}"""));
        Assert.Equal("GITHUB", enrolled.GetProperty("enrollment").GetProperty("name").GetString());
        Assert.Equal("TOTP_GITHUB", enrolled.GetProperty("enrollment").GetProperty("vault_key").GetString());
        Assert.Matches("^[0-9]{6}$", enrolled.GetProperty("code").GetString());
        Assert.DoesNotContain(Rfc6238Sha1, enrolled.GetRawText(), StringComparison.Ordinal);

        var code = Ok(await CallAsync(tools, "get_totp_code", Identity + """, "name": "github"}"""));
        var expected = TotpSecret.Parse(Rfc6238Sha1).ComputeCode(code.GetProperty("valid_until").GetDateTimeOffset().AddSeconds(-1)).Code;
        Assert.Equal(expected, code.GetProperty("code").GetString());
        Assert.InRange(code.GetProperty("seconds_remaining").GetInt32(), 1, 30);

        var list = Ok(await CallAsync(tools, "list_totp", Identity + "}"));
        Assert.Equal("GitHub", list.GetProperty("enrollments")[0].GetProperty("issuer").GetString());

        Error(await CallAsync(tools, "get_totp_code", Identity + """, "name": "gitlab"}"""), "not_found");
        var bad = Error(await CallAsync(tools, "enroll_totp", Identity + """, "secret": "otpauth://hotp/X?secret=GEZDGNBVGY3TQOJQ"}"""), "invalid_argument");
        Assert.Equal("argument: secret", bad.Details);
        Assert.DoesNotContain("GEZDGNBV", bad.Message, StringComparison.Ordinal);
    }
}

/// <summary>With the vault locked, vault tools answer at once with what the host must do; other tools still work.</summary>
public sealed class LockedVaultToolTests : AgentTestBase
{
    protected override bool Unlock => false;

    [Theory]
    [InlineData("set_secret", """, "key": "K", "value": "v"}""")]
    [InlineData("save_password", """, "domain": "example.com"}""")]
    [InlineData("enroll_totp", """, "secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "name": "x"}""")]
    public async Task Writes_are_refused_before_anything_is_sent(string tool, string rest)
    {
        var tools = Tools();
        var error = Error(await CallAsync(tools, tool, $$"""{"identity":"{{IdentityUuid}}" """.TrimEnd() + rest), "vault_locked");
        Assert.Contains("PIN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Other_tools_still_work()
    {
        Ok(await CallAsync(Tools(), "get_phone", $$"""{"identity":"{{IdentityUuid}}"}"""));
    }
}

using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Testing;
using Ravi.Sdk.Totp;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>agent.Totp against the test server: the secret lives E2E-encrypted in the vault under TOTP_NAME; codes use the client's clock.</summary>
public sealed class TotpTests : SdkTestBase
{
    private const string Rfc6238Sha1 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1111111109));

    protected override RaviTestServerOptions CreateServerOptions() => new() { TimeProvider = _time };

    private async Task<RaviClient> UnlockedAgentAsync()
    {
        var root = CreateClient(o => o.TimeProvider = _time);
        await root.Encryption.SetupAsync("135790");
        return root.ForIdentity(IdentityUuid);
    }

    [Fact]
    public async Task Enrol_stores_only_ciphertext_under_TOTP_NAME_and_codes_follow_the_clients_clock()
    {
        var agent = await UnlockedAgentAsync();

        var enrollment = await agent.Totp.EnrollAsync($"otpauth://totp/GitHub:agent%40in.ravi.test?secret={Rfc6238Sha1}&issuer=GitHub&digits=8");

        Assert.Equal("GITHUB", enrollment.Name);
        Assert.Equal("TOTP_GITHUB", enrollment.VaultKey);
        Assert.Equal(("GitHub", "agent@in.ravi.test", 8), (enrollment.Issuer, enrollment.AccountName, enrollment.Digits));
        var write = Assert.Single(RequestsTo("POST", "/api/vault/"));
        Assert.DoesNotContain(Rfc6238Sha1, write.Body!, StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth", write.Body!, StringComparison.Ordinal);

        // What the server holds is a sealed box: read it raw, as any REST caller would.
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.AccessToken);
        http.DefaultRequestHeaders.Add("X-Ravi-Identity", IdentityUuid);
        var list = JsonDocument.Parse(await http.GetStringAsync("/api/vault/")).RootElement;
        var uuid = list.EnumerateArray().Single(s => s.GetProperty("key").GetString() == "TOTP_GITHUB").GetProperty("uuid").GetString();
        var raw = JsonDocument.Parse(await http.GetStringAsync($"/api/vault/{uuid}/")).RootElement.GetProperty("value").GetString();
        Assert.StartsWith("e2e::", raw, StringComparison.Ordinal);

        var code = await agent.Totp.GetCodeAsync("github"); // any case
        Assert.Equal("07081804", code.Code); // RFC 6238 Appendix B, T = 1111111109
        Assert.Equal(TimeSpan.FromSeconds(1), code.TimeRemaining);

        _time.Advance(TimeSpan.FromSeconds(2)); // 1111111111: the next step
        Assert.Equal("14050471", (await agent.Totp.GetCodeAsync("TOTP_GITHUB")).Code);
    }

    [Fact]
    public async Task A_base32_secret_with_parameters_enrols_lists_and_deletes()
    {
        var agent = await UnlockedAgentAsync();
        await agent.Totp.EnrollAsync(Rfc6238Sha1, new TotpEnrollOptions { Name = "my bank", Digits = 8, AccountName = "agent" });
        await agent.Vault.SetAsync("OPENAI_API_KEY", "sk-not-a-totp");

        var listed = await agent.Totp.ListAsync().ToListAsync();
        var only = Assert.Single(listed);
        Assert.Equal(("MY_BANK", "agent", TotpAlgorithm.Sha1, 8, TimeSpan.FromSeconds(30)), (only.Name, only.AccountName, only.Algorithm, only.Digits, only.Period));
        Assert.Equal("07081804", (await agent.Totp.GetCodeAsync("My Bank")).Code);

        Assert.True(await agent.Totp.DeleteAsync("my_bank"));
        Assert.False(await agent.Totp.DeleteAsync("my_bank"));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.Totp.GetCodeAsync("my_bank"));
        Assert.NotNull(await agent.Vault.GetByKeyAsync("OPENAI_API_KEY"));
    }

    [Fact]
    public async Task Enrolling_the_same_name_again_replaces_the_secret()
    {
        var agent = await UnlockedAgentAsync();
        await agent.Totp.EnrollAsync(Rfc6238Sha1, new TotpEnrollOptions { Name = "acme" });
        await agent.Totp.EnrollAsync("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", new TotpEnrollOptions { Name = "ACME" });

        Assert.Single(await agent.Totp.ListAsync().ToListAsync());
        var expected = TotpSecret.Parse("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").ComputeCode(_time.GetUtcNow()).Code;
        Assert.Equal(expected, (await agent.Totp.GetCodeAsync("acme")).Code);
    }

    [Fact]
    public async Task Bad_input_a_locked_vault_or_no_identity_fail_before_any_request()
    {
        var root = CreateClient(o => o.TimeProvider = _time);
        var locked = root.ForIdentity(IdentityUuid);
        Server.ClearRequests();

        await Assert.ThrowsAsync<ArgumentException>(() => locked.Totp.EnrollAsync("otpauth://totp/Acme?secret=short"));
        await Assert.ThrowsAsync<ArgumentException>(() => locked.Totp.EnrollAsync("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")); // no issuer, no name
        await Assert.ThrowsAsync<ArgumentException>(() => locked.Totp.GetCodeAsync("  "));
        await Assert.ThrowsAsync<RaviIdentityRequiredException>(() => root.Totp.GetCodeAsync("acme"));
        var lockedError = await Assert.ThrowsAsync<RaviCryptoException>(() => locked.Totp.EnrollAsync(Rfc6238Sha1, new TotpEnrollOptions { Name = "acme" }));
        Assert.Equal(RaviCryptoErrorKind.Locked, lockedError.Kind);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Reading_a_code_with_the_vault_locked_says_so()
    {
        var agent = await UnlockedAgentAsync();
        await agent.Totp.EnrollAsync(Rfc6238Sha1, new TotpEnrollOptions { Name = "acme" });
        agent.Encryption.Lock();

        var error = await Assert.ThrowsAsync<RaviCryptoException>(() => agent.Totp.GetCodeAsync("acme"));
        Assert.Equal(RaviCryptoErrorKind.Locked, error.Kind);
    }
}

using System.Net;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Resources;

/// <summary><c>/api/vault/</c>: identity-scoped; list values are redacted (null); <c>e2e::</c> values read while locked are null and flagged.</summary>
public sealed class VaultWireTests
{
    private const string Path = "api/vault/";
    private const string ItemPath = Path + Samples.SecretUuid + "/";
    private const string OtherUuid = "3e4f5061-7283-4495-a6b7-c8d9e0f1a2b3";

    [Fact]
    public async Task List_parses_redacted_values_as_null_without_flags()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path, $"[{Samples.SecretJson(value: "null", notes: "\"prod\"")},{Samples.SecretJson(OtherUuid, "GITHUB_TOKEN", "null", $"\"{Samples.Cipher}\"")}]");

        var secrets = await h.Scoped.Vault.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path, identity: true);
        ModelAssert.Sequence(
            [
                Samples.Secret(value: null),
                Samples.Secret(OtherUuid, "GITHUB_TOKEN", null, null, EncryptedFields.Notes),
            ],
            secrets);
    }

    [Fact]
    public async Task Get_returns_plaintext_value()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, ItemPath, Samples.SecretJson());

        var secret = await h.Scoped.Vault.GetAsync(Samples.SecretUuid);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, ItemPath, identity: true);
        ModelAssert.Equivalent(Samples.Secret(), secret);
    }

    [Fact]
    public async Task Get_encrypted_value_while_locked_is_null_and_flagged()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, ItemPath, Samples.SecretJson(value: $"\"{Samples.Cipher}\"", notes: $"\"{Samples.Cipher}\""));

        var secret = await h.Scoped.Vault.GetAsync(Samples.SecretUuid);

        ModelAssert.Equivalent(Samples.Secret(value: null, notes: null, encrypted: EncryptedFields.Value | EncryptedFields.Notes), secret);
        Assert.DoesNotContain("e2e::", secret.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_posts_key_and_empty_value()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path, Samples.SecretJson(value: "\"\"", notes: "null"), HttpStatusCode.Created);

        var secret = await h.Scoped.Vault.SetAsync(new VaultSecretRequest { Key = "OPENAI_API_KEY", Value = "" });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path, identity: true, json: """{"key":"OPENAI_API_KEY","value":""}""");
        ModelAssert.Equivalent(Samples.Secret(value: "", notes: null), secret);
    }

    [Fact]
    public async Task Delete_sends_delete()
    {
        using var h = new WireHarness();
        h.Expect(HttpMethod.Delete, ItemPath).Respond(HttpStatusCode.NoContent);

        await h.Scoped.Vault.DeleteAsync(Samples.SecretUuid);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Delete, ItemPath, identity: true);
    }

    [Fact]
    public async Task GetByKey_lists_then_gets_the_exact_key()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path + "?key=OPENAI_API_KEY",
            $"[{Samples.SecretJson(OtherUuid, "openai_api_key", "null")},{Samples.SecretJson(key: "OPENAI_API_KEY", value: "null")}]");
        h.ExpectJson(HttpMethod.Get, ItemPath, Samples.SecretJson());

        var secret = await h.Scoped.Vault.GetByKeyAsync("OPENAI_API_KEY");

        var requests = h.AllRequests(2);
        RequestAssert.Api(requests[0], HttpMethod.Get, Path + "?key=OPENAI_API_KEY", identity: true);
        RequestAssert.Api(requests[1], HttpMethod.Get, ItemPath, identity: true);
        ModelAssert.Equivalent(Samples.Secret(), secret);
    }

    [Fact]
    public async Task GetByKey_returns_null_when_no_key_matches()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path + "?key=OPENAI_API_KEY", $"[{Samples.SecretJson(OtherUuid, "OTHER", "null")}]");

        var secret = await h.Scoped.Vault.GetByKeyAsync("OPENAI_API_KEY");

        Assert.Null(secret);
        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path + "?key=OPENAI_API_KEY", identity: true);
    }

    [Fact]
    public async Task GetByKey_escapes_the_servers_uuid_and_skips_one_that_cannot_be_a_path_segment()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path,
            $"[{Samples.SecretJson("..", "OPENAI_API_KEY", "null")},{Samples.SecretJson("a/../b", "OPENAI_API_KEY", "null")}]");
        h.ExpectJson(HttpMethod.Get, Path + "a%2F..%2Fb/", Samples.SecretJson());

        var secret = await h.Scoped.Vault.GetByKeyAsync("OPENAI_API_KEY");

        var requests = h.AllRequests(2);
        Assert.Equal("/" + Path + "a%2F..%2Fb/", requests[1].Uri.AbsolutePath);
        Assert.NotNull(secret);
    }
}

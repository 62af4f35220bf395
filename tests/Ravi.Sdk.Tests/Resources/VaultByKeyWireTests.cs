using System.Security.Cryptography;
using Ravi.Sdk.Crypto;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// Item 3 of the dialects issue: a secret by key sends <c>?key=</c> (as the CLI does), still matches the key exactly on
/// the client (a server may ignore the filter), and decrypts only the entry that matched.
/// </summary>
public sealed class VaultByKeyWireTests
{
    private const string Path = "api/vault/";
    private const string OtherUuid = "3e4f5061-7283-4495-a6b7-c8d9e0f1a2b3";

    [Theory]
    [InlineData("OPENAI_API_KEY", "OPENAI_API_KEY")]
    [InlineData("a b&c=d/é", "a%20b%26c%3Dd%2F%C3%A9")]
    public async Task GetByKey_sends_the_key_filter_and_gets_the_match(string key, string escaped)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, $"{Path}?key={escaped}", $"[{Samples.SecretJson(key: Json(key), value: "null")}]");
        h.ExpectJson(HttpMethod.Get, $"{Path}{Samples.SecretUuid}/", Samples.SecretJson(key: Json(key)));

        var secret = await h.Scoped.Vault.GetByKeyAsync(key);

        var requests = h.AllRequests(2);
        RequestAssert.Api(requests[0], HttpMethod.Get, $"{Path}?key={escaped}", identity: true);
        RequestAssert.Api(requests[1], HttpMethod.Get, $"{Path}{Samples.SecretUuid}/", identity: true);
        Assert.Equal(key, secret!.Key);
        Assert.Equal("sk-plain", secret.Value);
    }

    [Fact]
    public async Task A_server_that_ignores_the_filter_still_yields_only_the_exact_key()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, $"{Path}?key=OPENAI_API_KEY",
            $"[{Samples.SecretJson(OtherUuid, "openai_api_key", "null")},{Samples.SecretJson(key: "OPENAI_API_KEY", value: "null")}]");
        h.ExpectJson(HttpMethod.Get, $"{Path}{Samples.SecretUuid}/", Samples.SecretJson());

        var secret = await h.Scoped.Vault.GetByKeyAsync("OPENAI_API_KEY");

        Assert.Equal(Samples.SecretUuid, secret!.Uuid);
        Assert.Equal(2, h.AllRequests(2).Count);
    }

    [Fact]
    public async Task No_exact_match_is_null_without_a_second_request()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, $"{Path}?key=OPENAI_API_KEY", $"[{Samples.SecretJson(OtherUuid, "OPENAI_API_KEY_2", "null")}]");

        Assert.Null(await h.Scoped.Vault.GetByKeyAsync("OPENAI_API_KEY"));
        h.SingleRequest();
    }

    [Fact]
    public async Task An_unrelated_corrupt_secret_in_the_list_does_not_fail_the_lookup_of_another_key()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        using var key = RaviKeyPair.FromPrivateKey(privateKey);
        var sealedValue = RaviKeyPair.EncryptField("sk-sealed", key.PublicKey);
        using var h = new WireHarness();
        h.Scoped.Encryption.UnlockWithPrivateKey(privateKey);
        h.ExpectJson(HttpMethod.Get, $"{Path}?key=OPENAI_API_KEY",
            $"[{Samples.SecretJson(OtherUuid, "BROKEN", "null", "\"e2e::AAAA\"")},{Samples.SecretJson(value: "null", notes: $"\"{Samples.Cipher}\"")}]");
        h.ExpectJson(HttpMethod.Get, $"{Path}{Samples.SecretUuid}/", Samples.SecretJson(value: $"\"{sealedValue}\"", notes: "null"));

        var secret = await h.Scoped.Vault.GetByKeyAsync("OPENAI_API_KEY");

        Assert.Equal("sk-sealed", secret!.Value);
        Assert.Equal(Ravi.Sdk.Models.EncryptedFields.None, secret.EncryptedFields);
    }

    [Fact]
    public async Task The_matching_secret_itself_being_corrupt_is_still_an_error()
    {
        using var h = new WireHarness();
        h.Scoped.Encryption.UnlockWithPrivateKey(RandomNumberGenerator.GetBytes(32));
        h.ExpectJson(HttpMethod.Get, $"{Path}?key=OPENAI_API_KEY", $"[{Samples.SecretJson(value: "null", notes: "null")}]");
        h.ExpectJson(HttpMethod.Get, $"{Path}{Samples.SecretUuid}/", Samples.SecretJson(value: "\"e2e::AAAA\""));

        var error = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Scoped.Vault.GetByKeyAsync("OPENAI_API_KEY"));

        Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, error.Kind);
    }

    private static string Json(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();
}

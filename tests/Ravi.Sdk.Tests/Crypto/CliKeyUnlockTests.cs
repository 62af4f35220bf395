using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>Unlocking without a PIN from the key the official CLI stored in auth.json.</summary>
public sealed class CliKeyUnlockTests : IDisposable
{
    private const string IdentityUuid = "3f2b1c4d-1111-4222-8333-944455556666";
    private const string SecretUuid = "0e1d2c3b-3333-4444-8555-b66677778888";
    private readonly string _dir = Directory.CreateTempSubdirectory("ravi-cli-unlock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stored_cli_key_unlocks_and_decrypts_a_cli_sealed_field(bool clampedForm)
    {
        var id = CliVectors.IdentityB;
        WriteAuthJson(new JsonObject
        {
            ["access_token"] = "static-token",
            ["user_email"] = "a@b.c",
            ["public_key"] = id.PublicKeyBase64,
            ["private_key"] = clampedForm ? id.PrivateKeyCliBase64 : id.PrivateKeyLibsodiumBase64,
        });
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, $"https://ravi.test/api/vault/{SecretUuid}/")
            .Respond("application/json", $$"""{"uuid":"{{SecretUuid}}","key":"K","value":"{{CliVectors.SampleField}}"}""");
        using var client = new RaviClient(mock.ToHttpClient(), new RaviClientOptions
        {
            BaseAddress = new Uri("https://ravi.test/"),
            ConfigDirectory = _dir,
            IdentityUuid = IdentityUuid,
        });

        Assert.False(client.Encryption.IsUnlocked);
        Assert.True(await client.Encryption.TryUnlockFromCliAsync());
        Assert.True(client.Encryption.IsUnlocked);

        var secret = await client.Vault.GetAsync(SecretUuid);
        Assert.Equal(CliVectors.SamplePlaintext, secret.Value);
        Assert.Equal(Ravi.Sdk.Models.EncryptedFields.None, secret.EncryptedFields);
    }

    [Fact]
    public async Task No_stored_key_returns_false_and_stays_locked()
    {
        WriteAuthJson(new JsonObject { ["access_token"] = "static-token" });
        var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(HttpStatusCode.NotImplemented);
        using var client = new RaviClient(mock.ToHttpClient(), new RaviClientOptions { BaseAddress = new Uri("https://ravi.test/"), ConfigDirectory = _dir });

        Assert.False(await client.Encryption.TryUnlockFromCliAsync());
        Assert.False(client.Encryption.IsUnlocked);
    }

    [Fact]
    public async Task Mismatched_stored_keys_are_a_crypto_error()
    {
        WriteAuthJson(new JsonObject
        {
            ["access_token"] = "static-token",
            ["public_key"] = CliVectors.IdentityA.PublicKeyBase64,
            ["private_key"] = CliVectors.IdentityB.PrivateKeyCliBase64,
        });
        var mock = new MockHttpMessageHandler();
        using var client = new RaviClient(mock.ToHttpClient(), new RaviClientOptions { BaseAddress = new Uri("https://ravi.test/"), ConfigDirectory = _dir });

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => client.Encryption.TryUnlockFromCliAsync());
        Assert.Equal(RaviCryptoErrorKind.InvalidKey, ex.Kind);
        Assert.DoesNotContain(CliVectors.IdentityB.PrivateKeyCliBase64, ex.ToString(), StringComparison.Ordinal);
        Assert.False(client.Encryption.IsUnlocked);
    }

    private void WriteAuthJson(JsonObject json) => File.WriteAllText(Path.Combine(_dir, "auth.json"), json.ToJsonString());
}

using System.Text.Json.Nodes;
using Ravi.Sdk.Crypto;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>Passwords and Vault with the key unlocked (from the CLI's stored key: no Argon2) and locked.</summary>
public sealed class SecretFieldClientTests
{
    private static readonly CliIdentity B = CliVectors.IdentityB;
    private static readonly string EntryPath = $"api/passwords/{CryptoClientHarness.EntryUuid}/";
    private static readonly string SecretPath = $"api/vault/{CryptoClientHarness.EntryUuid}/";

    [Fact]
    public async Task Password_create_sends_ciphertext_that_decrypts_back_and_returns_plaintext()
    {
        using var h = new CryptoClientHarness();
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64, B.PublicKeyBase64);
        h.EchoJson(HttpMethod.Post, "api/passwords/", body => body["uuid"] = CryptoClientHarness.EntryUuid);

        var created = await h.Client.Passwords.CreateAsync(new PasswordEntryRequest
        {
            Domain = "example.com",
            Username = "agent@example.com",
            Password = "hunter2",
            Notes = "recovery codes: 1234 5678",
        });

        var sent = JsonNode.Parse(Assert.Single(h.Requests).Body!)!;
        Assert.Equal("example.com", (string?)sent["domain"]);
        using var cliKey = RaviKeyPair.FromPrivateKey(B.PrivateKeyLibsodium);
        foreach (var (field, plaintext) in new[] { ("username", "agent@example.com"), ("password", "hunter2"), ("notes", "recovery codes: 1234 5678") })
        {
            var wire = (string)sent[field]!;
            Assert.StartsWith("e2e::", wire, StringComparison.Ordinal);
            Assert.Equal(plaintext, cliKey.DecryptField(wire));
        }

        Assert.DoesNotContain("hunter2", h.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("hunter2", created.Password);
        Assert.Equal("agent@example.com", created.Username);
        Assert.Equal(EncryptedFields.None, created.EncryptedFields);
    }

    [Fact]
    public async Task Password_update_encrypts_and_empty_fields_stay_empty()
    {
        using var h = new CryptoClientHarness();
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCli);
        h.EchoJson(HttpMethod.Put, EntryPath, body => body["uuid"] = CryptoClientHarness.EntryUuid);

        var updated = await h.Client.Passwords.UpdateAsync(CryptoClientHarness.EntryUuid, new PasswordEntryRequest { Domain = "example.com", Password = "new", Notes = "" });

        var sent = JsonNode.Parse(Assert.Single(h.Requests).Body!)!;
        Assert.StartsWith("e2e::", (string)sent["password"]!, StringComparison.Ordinal);
        Assert.Equal("", (string?)sent["notes"]);
        Assert.Null(sent["username"]);
        Assert.Equal("new", updated.Password);
    }

    [Fact]
    public async Task Vault_set_encrypts_value_and_notes_and_get_decrypts_them()
    {
        using var h = new CryptoClientHarness();
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyLibsodiumBase64, B.PublicKeyBase64);
        h.EchoJson(HttpMethod.Post, "api/vault/", body => body["uuid"] = CryptoClientHarness.EntryUuid);

        var stored = await h.Client.Vault.SetAsync(new VaultSecretRequest { Key = "OPENAI_API_KEY", Value = "sk-live-123", Notes = "prod" });

        var sent = JsonNode.Parse(Assert.Single(h.Requests).Body!)!;
        Assert.Equal("OPENAI_API_KEY", (string?)sent["key"]);
        using var cliKey = RaviKeyPair.FromPrivateKey(B.PrivateKeyCli);
        Assert.StartsWith("e2e::", (string)sent["value"]!, StringComparison.Ordinal);
        Assert.StartsWith("e2e::", (string)sent["notes"]!, StringComparison.Ordinal);
        Assert.Equal("sk-live-123", cliKey.DecryptField((string)sent["value"]!));
        Assert.Equal("prod", cliKey.DecryptField((string)sent["notes"]!));
        Assert.Equal("sk-live-123", stored.Value);
        Assert.Equal("prod", stored.Notes);
        Assert.DoesNotContain("sk-live-123", stored.ToString(), StringComparison.Ordinal);

        h.RespondJson(HttpMethod.Get, SecretPath, new JsonObject
        {
            ["uuid"] = CryptoClientHarness.EntryUuid,
            ["key"] = "GITHUB_TOKEN",
            ["value"] = CliVectors.SampleField,
        }.ToJsonString());
        var got = await h.Client.Vault.GetAsync(CryptoClientHarness.EntryUuid);
        Assert.Equal("hunter2", got.Value);
        Assert.Equal(EncryptedFields.None, got.EncryptedFields);
    }

    [Fact]
    public async Task Locked_writes_of_secrets_throw_Locked_and_send_nothing()
    {
        using var h = new CryptoClientHarness();
        h.EchoJson(HttpMethod.Post, "api/passwords/", body => body["uuid"] = CryptoClientHarness.EntryUuid);
        h.EchoJson(HttpMethod.Post, "api/vault/", body => body["uuid"] = CryptoClientHarness.EntryUuid);

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "example.com", Password = "hunter2" }));
        Assert.Equal(RaviCryptoErrorKind.Locked, ex.Kind);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);

        ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Passwords.UpdateAsync(CryptoClientHarness.EntryUuid, new PasswordEntryRequest { Domain = "example.com", Notes = "n" }));
        Assert.Equal(RaviCryptoErrorKind.Locked, ex.Kind);

        ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Vault.SetAsync("KEY", "value"));
        Assert.Equal(RaviCryptoErrorKind.Locked, ex.Kind);

        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task Locked_writes_without_secret_content_are_sent()
    {
        using var h = new CryptoClientHarness();
        h.EchoJson(HttpMethod.Post, "api/passwords/", body => body["uuid"] = CryptoClientHarness.EntryUuid);

        await h.Client.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "example.com", Password = "" });

        var sent = JsonNode.Parse(Assert.Single(h.Requests).Body!)!;
        Assert.Equal("", (string?)sent["password"]);
    }

    [Fact]
    public async Task Locked_reads_null_and_flag_encrypted_fields_and_pass_plaintext_through()
    {
        using var h = new CryptoClientHarness();
        h.RespondJson(HttpMethod.Get, EntryPath, new JsonObject
        {
            ["uuid"] = CryptoClientHarness.EntryUuid,
            ["domain"] = "example.com",
            ["username"] = RaviKeyPair.EncryptField("agent", B.PublicKey),
            ["password"] = CliVectors.SampleField,
            ["notes"] = "legacy plaintext note",
        }.ToJsonString());
        h.RespondJson(HttpMethod.Get, SecretPath, new JsonObject
        {
            ["uuid"] = CryptoClientHarness.EntryUuid,
            ["key"] = "K",
            ["value"] = CliVectors.SampleField,
            ["notes"] = null,
        }.ToJsonString());

        var entry = await h.Client.Passwords.GetAsync(CryptoClientHarness.EntryUuid);
        Assert.Null(entry.Username);
        Assert.Null(entry.Password);
        Assert.Equal("legacy plaintext note", entry.Notes);
        Assert.Equal(EncryptedFields.Username | EncryptedFields.Password, entry.EncryptedFields);
        Assert.DoesNotContain("e2e::", entry.ToString(), StringComparison.Ordinal);

        var secret = await h.Client.Vault.GetAsync(CryptoClientHarness.EntryUuid);
        Assert.Null(secret.Value);
        Assert.Null(secret.Notes);
        Assert.Equal(EncryptedFields.Value, secret.EncryptedFields);
    }

    [Fact]
    public async Task Lock_after_unlock_makes_reads_flag_fields_again()
    {
        using var h = new CryptoClientHarness();
        h.RespondJson(HttpMethod.Get, EntryPath, new JsonObject { ["uuid"] = CryptoClientHarness.EntryUuid, ["password"] = CliVectors.SampleField }.ToJsonString());
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64);
        Assert.Equal("hunter2", (await h.Client.Passwords.GetAsync(CryptoClientHarness.EntryUuid)).Password);

        h.Client.ForIdentity(CryptoClientHarness.OtherIdentityUuid).Encryption.Lock();

        var entry = await h.Client.Passwords.GetAsync(CryptoClientHarness.EntryUuid);
        Assert.Null(entry.Password);
        Assert.Equal(EncryptedFields.Password, entry.EncryptedFields);
    }

    [Fact]
    public async Task Tampered_field_from_the_server_is_InvalidCiphertext_when_unlocked()
    {
        var payload = TestKeys.Payload(CliVectors.SampleField);
        payload[^1] ^= 1;
        using var h = new CryptoClientHarness();
        h.RespondJson(HttpMethod.Get, EntryPath, new JsonObject { ["uuid"] = CryptoClientHarness.EntryUuid, ["password"] = TestKeys.Field(payload) }.ToJsonString());
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64);

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Passwords.GetAsync(CryptoClientHarness.EntryUuid));
        Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, ex.Kind);
    }

    [Fact]
    public async Task Field_sealed_for_another_key_is_InvalidCiphertext_when_unlocked()
    {
        using var h = new CryptoClientHarness();
        h.RespondJson(HttpMethod.Get, EntryPath, new JsonObject { ["uuid"] = CryptoClientHarness.EntryUuid, ["password"] = CliVectors.SampleField }.ToJsonString());
        h.Client.Encryption.UnlockWithPrivateKey(CliVectors.IdentityA.PrivateKeyCliBase64);

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Passwords.GetAsync(CryptoClientHarness.EntryUuid));
        Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, ex.Kind);
    }

    [Fact]
    public async Task Generated_passwords_stay_plaintext_when_unlocked()
    {
        using var h = new CryptoClientHarness();
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64);
        h.RespondJson(HttpMethod.Get, "api/passwords/generate_password/", "{\"password\":\"Xy9!pQ2#\"}");

        Assert.Equal("Xy9!pQ2#", await h.Client.Passwords.GeneratePasswordAsync());
    }
}

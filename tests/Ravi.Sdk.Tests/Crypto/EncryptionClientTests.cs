using System.Net;
using System.Text.Json.Nodes;
using Ravi.Sdk.Crypto;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>Unlock and setup through the client, against metadata served by MockHttp. Each unlock with a PIN costs one Argon2id derivation.</summary>
public sealed class EncryptionClientTests
{
    private static readonly CliIdentity B = CliVectors.IdentityB;

    [Fact]
    public async Task Unlock_with_the_right_pin_decrypts_cli_fields_for_the_root_client_and_its_identity_views()
    {
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.RespondMetadata(CryptoClientHarness.MetadataJson(B, CliVectors.SampleVerifier));
        var username = RaviKeyPair.EncryptField("agent@example.com", B.PublicKey);
        h.RespondJson(HttpMethod.Get, $"api/passwords/{CryptoClientHarness.EntryUuid}/", new JsonObject
        {
            ["uuid"] = CryptoClientHarness.EntryUuid,
            ["domain"] = "example.com",
            ["username"] = username,
            ["password"] = CliVectors.SampleField,
            ["notes"] = "plain note",
        }.ToJsonString());

        Assert.False(h.Client.Encryption.IsUnlocked);
        await h.Client.Encryption.UnlockAsync(B.Pin);
        Assert.True(h.Client.Encryption.IsUnlocked);

        var entry = await h.Client.Passwords.GetAsync(CryptoClientHarness.EntryUuid);
        Assert.Equal("agent@example.com", entry.Username);
        Assert.Equal("hunter2", entry.Password);
        Assert.Equal("plain note", entry.Notes);
        Assert.Equal(Ravi.Sdk.Models.EncryptedFields.None, entry.EncryptedFields);

        var view = h.Client.ForIdentity(CryptoClientHarness.OtherIdentityUuid);
        Assert.True(view.Encryption.IsUnlocked);
        Assert.Equal("hunter2", (await view.Passwords.GetAsync(CryptoClientHarness.EntryUuid)).Password);

        Assert.DoesNotContain("hunter2", entry.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("agent@example.com", entry.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(B.Pin, h.Client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_pin_is_WrongPin_and_leaves_the_client_locked()
    {
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.RespondMetadata(CryptoClientHarness.MetadataJson(B, CliVectors.SampleVerifier));

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Encryption.UnlockAsync("111111"));

        Assert.Equal(RaviCryptoErrorKind.WrongPin, ex.Kind);
        Assert.DoesNotContain("111111", ex.Message, StringComparison.Ordinal);
        Assert.False(h.Client.Encryption.IsUnlocked);
    }

    public static TheoryData<string, string?, string?, string?> CorruptedMetadata => new()
    {
        { "salt not base64", "not base64!!", B.PublicKeyBase64, CliVectors.SampleVerifier },
        { "salt 15 bytes", Convert.ToBase64String(new byte[15]), B.PublicKeyBase64, CliVectors.SampleVerifier },
        { "salt with whitespace", " " + B.SaltBase64, B.PublicKeyBase64, CliVectors.SampleVerifier },
        { "salt missing", null, B.PublicKeyBase64, CliVectors.SampleVerifier },
        { "public key 31 bytes", B.SaltBase64, Convert.ToBase64String(new byte[31]), CliVectors.SampleVerifier },
        { "public key unpadded", B.SaltBase64, B.PublicKeyBase64.TrimEnd('='), CliVectors.SampleVerifier },
        { "public key missing", B.SaltBase64, null, CliVectors.SampleVerifier },
        { "verifier missing", B.SaltBase64, B.PublicKeyBase64, null },
        { "verifier truncated", B.SaltBase64, B.PublicKeyBase64, CliVectors.SampleVerifier[..80] },
        { "verifier with prefix", B.SaltBase64, B.PublicKeyBase64, "e2e::" + CliVectors.SampleVerifier },
        { "verifier with newline", B.SaltBase64, B.PublicKeyBase64, CliVectors.SampleVerifier[..40] + "\n" + CliVectors.SampleVerifier[40..] },
        { "verifier with four spaces", B.SaltBase64, B.PublicKeyBase64, CliVectors.SampleVerifier[..40] + "    " + CliVectors.SampleVerifier[40..] },
        { "salt with CRLF CRLF", B.SaltBase64[..8] + "\r\n\r\n" + B.SaltBase64[8..], B.PublicKeyBase64, CliVectors.SampleVerifier },
    };

    [Theory]
    [MemberData(nameof(CorruptedMetadata))]
    public async Task Malformed_metadata_is_CorruptedMetadata_before_any_derivation(string what, string? salt, string? publicKey, string? verifier)
    {
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.RespondMetadata(CryptoClientHarness.MetadataJson(salt, publicKey, verifier));

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Encryption.UnlockAsync(B.Pin));

        Assert.True(ex.Kind == RaviCryptoErrorKind.CorruptedMetadata, what);
        Assert.Single(h.Requests);
        Assert.False(h.Client.Encryption.IsUnlocked);
    }

    [Fact]
    public async Task Right_pin_with_a_foreign_public_key_is_CorruptedMetadata_not_WrongPin()
    {
        // The verifier opens under the derived key (so the PIN is right) but public_key is someone else's.
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.RespondMetadata(CryptoClientHarness.MetadataJson(B.SaltBase64, CliVectors.IdentityA.PublicKeyBase64, CliVectors.SampleVerifier));

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Encryption.UnlockAsync(B.Pin));
        Assert.Equal(RaviCryptoErrorKind.CorruptedMetadata, ex.Kind);
        Assert.False(h.Client.Encryption.IsUnlocked);
    }

    [Fact]
    public async Task Right_pin_with_a_foreign_verifier_is_CorruptedMetadata_not_WrongPin()
    {
        // The derived public key equals public_key (so the PIN is right) but the verifier was sealed for another key.
        using var other = RaviKeyPair.FromPrivateKey(CliVectors.IdentityA.PrivateKeyCli);
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.RespondMetadata(CryptoClientHarness.MetadataJson(B, other.CreateVerifier()));

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Encryption.UnlockAsync(B.Pin));
        Assert.Equal(RaviCryptoErrorKind.CorruptedMetadata, ex.Kind);
    }

    [Fact]
    public async Task Verifier_that_opens_to_other_bytes_is_CorruptedMetadata()
    {
        var wrongContent = new byte[15 + 48];
        Sodium.Seal(wrongContent, "ravi-e2e-verifX"u8, B.PublicKey);
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.RespondMetadata(CryptoClientHarness.MetadataJson(B, Convert.ToBase64String(wrongContent)));

        var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Encryption.UnlockAsync(B.Pin));
        Assert.Equal(RaviCryptoErrorKind.CorruptedMetadata, ex.Kind);
    }

    [Fact]
    public async Task No_metadata_is_NotSetUp()
    {
        using (var h = new CryptoClientHarness())
        {
            h.Mock.When(HttpMethod.Get, CryptoClientHarness.Base + "api/encryption/").Respond(HttpStatusCode.NotFound, "application/json", "{\"detail\":\"Not found.\"}");
            var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Encryption.UnlockAsync(B.Pin));
            Assert.Equal(RaviCryptoErrorKind.NotSetUp, ex.Kind);
        }

        using (var h = new CryptoClientHarness())
        {
            h.RespondMetadata(CryptoClientHarness.MetadataJson(B.SaltBase64, null, ""));
            var ex = await Assert.ThrowsAsync<RaviCryptoException>(() => h.Client.Encryption.UnlockAsync(B.Pin));
            Assert.Equal(RaviCryptoErrorKind.NotSetUp, ex.Kind);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("abcdef")]
    [InlineData("12 456")]
    [InlineData("١٢٣٤٥٦")]
    public async Task Invalid_pin_throws_ArgumentException_and_sends_nothing(string pin)
    {
        using var h = new CryptoClientHarness();
        h.RespondMetadata(CryptoClientHarness.MetadataJson(B, CliVectors.SampleVerifier));

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.Encryption.UnlockAsync(pin));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.Encryption.SetupAsync(pin));
        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task Setup_posts_salt_public_key_and_verifier_that_unlock_with_the_same_pin()
    {
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.Mock.When(HttpMethod.Get, CryptoClientHarness.Base + "api/encryption/").Respond(HttpStatusCode.NotFound);
        h.EchoJson(HttpMethod.Post, "api/encryption/", body => body["id"] = 7);

        var stored = await h.Client.Encryption.SetupAsync("424242");

        Assert.True(h.Client.Encryption.IsUnlocked);
        Assert.Equal(7, stored.Id);
        var post = Assert.Single(h.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal("/api/encryption/", post.Path);
        var body = JsonNode.Parse(post.Body!)!.AsObject();
        Assert.Equal(["public_key", "salt", "verifier"], body.Select(p => p.Key).Order());
        Assert.Equal(16, Convert.FromBase64String((string)body["salt"]!).Length);
        Assert.Equal(32, Convert.FromBase64String((string)body["public_key"]!).Length);
        Assert.Equal(63, Convert.FromBase64String((string)body["verifier"]!).Length);
        Assert.DoesNotContain("424242", post.Body, StringComparison.Ordinal);

        // A fresh client, given what was uploaded, unlocks with the same PIN (same derivation as the CLI).
        using var again = new CryptoClientHarness(RaviArgon2Implementation.Native);
        again.RespondMetadata(CryptoClientHarness.MetadataJson((string?)body["salt"], (string?)body["public_key"], (string?)body["verifier"]));
        await again.Client.Encryption.UnlockAsync("424242");

        // And a secret written by the first client opens in the second.
        h.EchoJson(HttpMethod.Post, "api/passwords/", b => { b["uuid"] = CryptoClientHarness.EntryUuid; });
        await h.Client.Passwords.CreateAsync(new Ravi.Sdk.Models.PasswordEntryRequest { Domain = "x.test", Password = "s3cret" });
        var sent = JsonNode.Parse(h.Requests[^1].Body!)!;
        again.RespondJson(HttpMethod.Get, $"api/passwords/{CryptoClientHarness.EntryUuid}/", new JsonObject
        {
            ["uuid"] = CryptoClientHarness.EntryUuid,
            ["password"] = (string?)sent["password"],
        }.ToJsonString());
        Assert.Equal("s3cret", (await again.Client.Passwords.GetAsync(CryptoClientHarness.EntryUuid)).Password);
    }

    [Fact]
    public async Task Setup_falls_back_to_patch_on_405()
    {
        using var h = new CryptoClientHarness(RaviArgon2Implementation.Native);
        h.RespondMetadata("{\"id\":3,\"salt\":null,\"verifier\":null,\"public_key\":null}");
        h.Mock.When(HttpMethod.Post, CryptoClientHarness.Base + "api/encryption/").Respond(HttpStatusCode.MethodNotAllowed, "application/json", "{\"detail\":\"Method \\\"POST\\\" not allowed.\"}");
        h.EchoJson(HttpMethod.Patch, "api/encryption/", body => body["id"] = 3);

        await h.Client.Encryption.SetupAsync("135790");

        Assert.Equal([HttpMethod.Get, HttpMethod.Post, HttpMethod.Patch], h.Requests.Select(r => r.Method));
        Assert.Equal(h.Requests[1].Body, h.Requests[2].Body);
        Assert.True(h.Client.Encryption.IsUnlocked);
    }

    [Fact]
    public async Task Setup_refuses_to_overwrite_existing_metadata()
    {
        using var h = new CryptoClientHarness();
        h.RespondMetadata(CryptoClientHarness.MetadataJson(B, CliVectors.SampleVerifier));

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Client.Encryption.SetupAsync("135790"));

        Assert.Equal([HttpMethod.Get], h.Requests.Select(r => r.Method));
        Assert.False(h.Client.Encryption.IsUnlocked);
    }

    [Fact]
    public void Unlock_with_the_cli_stored_keys_needs_no_pin_and_no_request()
    {
        using var h = new CryptoClientHarness();
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64, B.PublicKeyBase64);
        Assert.True(h.Client.Encryption.IsUnlocked);
        h.Client.Encryption.Lock();
        Assert.False(h.Client.Encryption.IsUnlocked);

        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyLibsodiumBase64);
        Assert.True(h.Client.Encryption.IsUnlocked);
        h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyLibsodium);
        Assert.True(h.Client.Encryption.IsUnlocked);
        Assert.Empty(h.Requests);
    }

    [Fact]
    public void Unlock_with_a_private_key_that_does_not_match_the_stored_public_key_is_InvalidKey()
    {
        using var h = new CryptoClientHarness();
        var ex = Assert.Throws<RaviCryptoException>(() => h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64, CliVectors.IdentityA.PublicKeyBase64));
        Assert.Equal(RaviCryptoErrorKind.InvalidKey, ex.Kind);
        Assert.False(h.Client.Encryption.IsUnlocked);
    }

    [Theory]
    [InlineData("not base64")]
    [InlineData("AAAA")]
    [InlineData(" uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE=")]
    [InlineData("uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE")]
    [InlineData("uPXlULnYIA7Y_aFNIHUO6RI069yTBJxle1a8eJuHfVE=")]
    public void Unlock_with_a_malformed_stored_key_is_ArgumentException(string privateKey)
    {
        using var h = new CryptoClientHarness();
        Assert.Throws<ArgumentException>(() => h.Client.Encryption.UnlockWithPrivateKey(privateKey));
        Assert.Throws<ArgumentException>(() => h.Client.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64, privateKey));
        Assert.False(h.Client.Encryption.IsUnlocked);
    }

    [Fact]
    public void Disposing_the_root_client_wipes_the_key_for_every_view()
    {
        var h = new CryptoClientHarness();
        var view = h.Client.ForIdentity(CryptoClientHarness.OtherIdentityUuid);
        view.Encryption.UnlockWithPrivateKey(B.PrivateKeyCliBase64);
        Assert.True(h.Client.Encryption.IsUnlocked);

        view.Dispose(); // views do not own the key
        Assert.True(h.Client.Encryption.IsUnlocked);

        h.Dispose();
        Assert.False(view.Encryption.IsUnlocked);
    }
}

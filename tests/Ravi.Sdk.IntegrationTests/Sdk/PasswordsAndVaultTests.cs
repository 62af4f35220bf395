using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ravi.Sdk.Crypto;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Passwords and vault CRUD through the SDK with a client unlocked by a raw key (no Argon2, so it is fast): everything secret
/// goes to the server as <c>e2e::</c> ciphertext that the test itself can open with the same key.
/// </summary>
public abstract class PasswordsAndVaultTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : PasswordsAndVaultTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : PasswordsAndVaultTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private readonly byte[] _privateKey = RandomNumberGenerator.GetBytes(32);

    private RaviClient UnlockedAgent()
    {
        var agent = CreateIdentityClient();
        agent.Encryption.UnlockWithPrivateKey(_privateKey);
        return agent;
    }

    private string OpenField(string? wire)
    {
        Assert.StartsWith("e2e::", wire, StringComparison.Ordinal);
        using var key = RaviKeyPair.FromPrivateKey(_privateKey);
        return key.DecryptField(wire!);
    }

    private string ExpectedIdentity => IsCli ? Server.Identity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : IdentityUuid;

    private static JsonObject Body(Testing.RaviRecordedRequest request) => JsonNode.Parse(request.Body!)!.AsObject();

    [Fact]
    public async Task Passwords_create_get_list_update_delete_round_trip_encrypted()
    {
        var agent = UnlockedAgent();

        var created = await agent.Passwords.CreateAsync(new PasswordEntryRequest
        {
            Domain = "example.com",
            Username = "user@example.com",
            Password = "P4ss w0rd \"ünïcødé\" 🔑",
            Notes = "2FA on",
        });
        Assert.Equal("P4ss w0rd \"ünïcødé\" 🔑", created.Password);
        Assert.Equal(ExpectedIdentity, created.IdentityUuid); // a UUID, or the numeric id the CLI's service sends

        var createBody = Body(Assert.Single(RequestsTo("POST", "/api/passwords/")));
        Assert.Equal("example.com", createBody["domain"]!.GetValue<string>());
        Assert.Equal("user@example.com", OpenField(createBody["username"]!.GetValue<string>()));
        Assert.Equal("P4ss w0rd \"ünïcødé\" 🔑", OpenField(createBody["password"]!.GetValue<string>()));
        Assert.Equal("2FA on", OpenField(createBody["notes"]!.GetValue<string>()));

        var fetched = await agent.Passwords.GetAsync(created.Uuid);
        Assert.Equal(created with { UpdatedAt = fetched.UpdatedAt }, fetched);
        var listed = Assert.Single(await agent.Passwords.ListAsync().ToListAsync());
        Assert.Equal(created.Uuid, listed.Uuid);
        Assert.Equal("user@example.com", listed.Username);

        var updated = await agent.Passwords.UpdateAsync(created.Uuid, new PasswordEntryRequest
        {
            Domain = "login.example.com",
            Username = "user@example.com",
            Password = "rotated-secret",
        });
        Assert.Equal("login.example.com", updated.Domain);
        Assert.Equal("rotated-secret", (await agent.Passwords.GetAsync(created.Uuid)).Password);
        var put = Assert.Single(RequestsTo("PUT", $"/api/passwords/{created.Uuid}/"));
        Assert.Equal("rotated-secret", OpenField(Body(put)["password"]!.GetValue<string>()));
        if (IsCli)
        {
            // No PUT on the CLI's service: the same (already encrypted) fields went as PATCH, and the next update goes there directly.
            Assert.Equal(405, put.StatusCode);
            Assert.Equal(put.Body, Assert.Single(RequestsTo("PATCH", $"/api/passwords/{created.Uuid}/")).Body);
            await agent.Passwords.UpdateAsync(created.Uuid, new PasswordEntryRequest { Domain = "www.example.com" });
            Assert.Single(RequestsTo("PUT", $"/api/passwords/{created.Uuid}/"));
            Assert.Equal([200, 200], RequestsTo("PATCH", $"/api/passwords/{created.Uuid}/").Select(r => r.StatusCode));
            Assert.Equal("rotated-secret", (await agent.Passwords.GetAsync(created.Uuid)).Password); // PATCH left the rest alone
        }
        else
        {
            Assert.Equal(200, put.StatusCode);
            Assert.Empty(RequestsTo("PATCH", $"/api/passwords/{created.Uuid}/"));
        }

        await agent.Passwords.DeleteAsync(created.Uuid);
        Assert.Empty(await agent.Passwords.ListAsync().ToListAsync());
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.Passwords.GetAsync(created.Uuid));

        // Nothing secret ever crossed the wire in plaintext.
        Assert.All(Server.Requests.Where(r => r.Body is not null), r =>
        {
            Assert.DoesNotContain("rotated-secret", r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("w0rd", r.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_locked_client_refuses_to_write_secrets_and_reads_them_as_withheld()
    {
        var writer = UnlockedAgent();
        var entry = await writer.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "a.example", Username = "u", Password = "p" });

        var locked = CreateIdentityClient();
        Assert.False(locked.Encryption.IsUnlocked);
        var before = Server.Requests.Count;
        var refused = await Assert.ThrowsAsync<RaviCryptoException>(() =>
            locked.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "b.example", Password = "plain" }));
        Assert.Equal(RaviCryptoErrorKind.Locked, refused.Kind);
        await Assert.ThrowsAsync<RaviCryptoException>(() => locked.Vault.SetAsync("K", "plain"));
        Assert.Equal(before, Server.Requests.Count);

        var read = await locked.Passwords.GetAsync(entry.Uuid);
        Assert.Equal("a.example", read.Domain);
        Assert.Null(read.Username);
        Assert.Null(read.Password);
        Assert.Equal(EncryptedFields.Username | EncryptedFields.Password, read.EncryptedFields);

        // A key that is not the account's cannot open the fields: an error, not garbage.
        locked.Encryption.UnlockWithPrivateKey(RandomNumberGenerator.GetBytes(32));
        var wrongKey = await Assert.ThrowsAsync<RaviCryptoException>(() => locked.Passwords.GetAsync(entry.Uuid));
        Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, wrongKey.Kind);
    }

    [Fact]
    public async Task Generate_password_honours_length_and_character_classes()
    {
        var agent = CreateIdentityClient();

        var defaults = await agent.Passwords.GeneratePasswordAsync();
        var digitsOnly = await agent.Passwords.GeneratePasswordAsync(new GeneratePasswordOptions
        {
            Length = 40,
            Uppercase = false,
            Lowercase = false,
            Special = false,
        });
        var noLookalikes = await agent.Passwords.GeneratePasswordAsync(new GeneratePasswordOptions { Length = 64, ExcludeChars = "0O1lI" });

        Assert.False(string.IsNullOrEmpty(defaults));
        Assert.Equal(40, digitsOnly.Length);
        Assert.All(digitsOnly, c => Assert.True(char.IsAsciiDigit(c), digitsOnly));
        Assert.Equal(64, noLookalikes.Length);
        Assert.DoesNotContain(noLookalikes, c => "0O1lI".Contains(c, StringComparison.Ordinal));
        if (IsCli)
        {
            // The documented path answered 404 once; the CLI's path was remembered for every later call.
            Assert.Equal([404], RequestsTo("GET", "/api/passwords/generate_password/").Select(r => r.StatusCode));
            Assert.Equal([200, 200, 200], RequestsTo("GET", "/api/passwords/generate-password/").Select(r => r.StatusCode));
            Assert.Contains(RequestsTo("GET", "/api/passwords/generate-password/"), r => r.QueryString == "?length=40&uppercase=false&lowercase=false&special=false");
        }
        else
        {
            Assert.Equal(3, RequestsTo("GET", "/api/passwords/generate_password/").Count);
            Assert.Contains(RequestsTo("GET", "/api/passwords/generate_password/"), r => r.QueryString == "?length=40&uppercase=false&lowercase=false&special=false");
        }
        Assert.Empty(await agent.Passwords.ListAsync().ToListAsync()); // nothing stored
    }

    [Fact]
    public async Task Vault_set_list_get_update_and_delete_round_trip_encrypted()
    {
        var agent = UnlockedAgent();

        var created = await agent.Vault.SetAsync(new VaultSecretRequest { Key = "OPENAI_API_KEY", Value = "sk-live-123", Notes = "prod" });
        Assert.Equal("sk-live-123", created.Value);
        Assert.Equal("prod", created.Notes);
        var body = Body(Assert.Single(RequestsTo("POST", "/api/vault/")));
        Assert.Equal("OPENAI_API_KEY", body["key"]!.GetValue<string>());
        Assert.Equal("sk-live-123", OpenField(body["value"]!.GetValue<string>()));
        Assert.Equal("prod", OpenField(body["notes"]!.GetValue<string>()));

        await agent.Vault.SetAsync("EMPTY", "");
        var listed = await agent.Vault.ListAsync().ToListAsync();
        Assert.Equal(["OPENAI_API_KEY", "EMPTY"], listed.Select(s => s.Key));
        Assert.All(listed, s => Assert.Null(s.Value)); // the list redacts values

        Assert.Equal("sk-live-123", (await agent.Vault.GetAsync(created.Uuid)).Value);
        Assert.Equal("", (await agent.Vault.GetByKeyAsync("EMPTY"))!.Value);

        var updated = await agent.Vault.SetAsync("OPENAI_API_KEY", "sk-live-456");
        Assert.Equal(created.Uuid, updated.Uuid); // set by key updates in place
        Assert.Equal("sk-live-456", (await agent.Vault.GetByKeyAsync("OPENAI_API_KEY"))!.Value);

        await agent.Vault.DeleteAsync(created.Uuid);
        Assert.Null(await agent.Vault.GetByKeyAsync("OPENAI_API_KEY"));
        Assert.Equal(["EMPTY"], (await agent.Vault.ListAsync().ToListAsync()).Select(s => s.Key));
        Assert.All(Server.Requests.Where(r => r.Body is not null), r => Assert.DoesNotContain("sk-live", r.Body, StringComparison.Ordinal));
    }
}

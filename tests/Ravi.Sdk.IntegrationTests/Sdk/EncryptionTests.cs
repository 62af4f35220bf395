using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>PIN setup and unlock against the server's <c>/api/encryption/</c>.</summary>
public abstract class EncryptionTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : EncryptionTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : EncryptionTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    [Fact]
    public async Task Unlock_before_setup_is_NotSetUp_and_a_wrong_pin_is_WrongPin_then_the_right_one_unlocks()
    {
        var client = CreateIdentityClient();
        var notSetUp = await Assert.ThrowsAsync<RaviCryptoException>(() => client.Encryption.UnlockAsync("123456"));
        Assert.Equal(RaviCryptoErrorKind.NotSetUp, notSetUp.Kind);

        var owner = CreateIdentityClient();
        var stored = await owner.Encryption.SetupAsync("864209");
        var secret = await owner.Vault.SetAsync("TOKEN", "value-sealed-for-the-pin");

        var wrong = await Assert.ThrowsAsync<RaviCryptoException>(() => client.Encryption.UnlockAsync("864200"));
        Assert.Equal(RaviCryptoErrorKind.WrongPin, wrong.Kind);
        Assert.DoesNotContain("864200", wrong.ToString(), StringComparison.Ordinal);
        Assert.False(client.Encryption.IsUnlocked);
        Assert.Null((await client.Vault.GetAsync(secret.Uuid)).Value);

        await client.Encryption.UnlockAsync("864209");
        Assert.True(client.Encryption.IsUnlocked);
        Assert.Equal("value-sealed-for-the-pin", (await client.Vault.GetAsync(secret.Uuid)).Value);
        Assert.Equal(stored, await client.Encryption.GetMetadataAsync());

        // Locking wipes the key for the root client and every view.
        client.Encryption.Lock();
        Assert.Equal(EncryptedFields.Value, (await client.Vault.GetAsync(secret.Uuid)).EncryptedFields);
    }

    [Fact]
    public async Task A_second_setup_is_refused_and_leaves_the_stored_metadata_alone()
    {
        var first = CreateClient();
        var stored = await first.Encryption.SetupAsync("112233");
        Assert.Equal([201], RequestsTo("POST", "/api/encryption/").Select(r => r.StatusCode));

        var second = CreateClient();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => second.Encryption.SetupAsync("445566"));
        Assert.Contains("already set up", refused.Message, StringComparison.Ordinal);
        Assert.False(second.Encryption.IsUnlocked);
        Assert.Single(RequestsTo("POST", "/api/encryption/"));
        Assert.Empty(RequestsTo("PATCH", "/api/encryption/"));
        Assert.Equal(stored, await second.Encryption.GetMetadataAsync());

        // Even the same client cannot set it up twice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.Encryption.SetupAsync("112233"));
    }
}

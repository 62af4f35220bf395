using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>Against a server that answers 405 to <c>POST /api/encryption/</c> (as the live service has), setup falls back to PATCH.</summary>
public abstract class EncryptionPatchFallbackTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : EncryptionPatchFallbackTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : EncryptionPatchFallbackTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    protected override RaviTestServerOptions CreateServerOptions() => new() { EncryptionPostNotAllowed = true };

    [Fact]
    public async Task Setup_falls_back_to_patch_after_405_and_the_key_works()
    {
        var client = CreateIdentityClient();

        var stored = await client.Encryption.SetupAsync("975310");

        Assert.Equal([405], RequestsTo("POST", "/api/encryption/").Select(r => r.StatusCode));
        Assert.Equal([201], RequestsTo("PATCH", "/api/encryption/").Select(r => r.StatusCode));
        Assert.Equal(RequestsTo("POST", "/api/encryption/")[0].Body, RequestsTo("PATCH", "/api/encryption/")[0].Body);
        Assert.Equal(stored, await client.Encryption.GetMetadataAsync());
        Assert.True(client.Encryption.IsUnlocked);

        var secret = await client.Vault.SetAsync("K", "v");
        Assert.StartsWith("{\"key\":\"K\",\"value\":\"e2e::", RequestsTo("POST", "/api/vault/")[0].Body, StringComparison.Ordinal);
        Assert.Equal("v", (await client.Vault.GetAsync(secret.Uuid)).Value);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.Encryption.SetupAsync("975310"));
    }
}

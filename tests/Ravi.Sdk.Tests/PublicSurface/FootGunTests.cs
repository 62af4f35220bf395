using System.Reflection;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Models;
using Ravi.Sdk.Resources;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.PublicSurface;

/// <summary>Item 8 of issue 12: no public call can destroy the encryption metadata, and a manual refresh keeps the credential right.</summary>
public sealed class FootGunTests
{
    private readonly ObservableTimeProvider _time = new();

    [Fact]
    public void No_public_member_can_overwrite_the_encryption_metadata_except_the_guarded_setup()
    {
        var writers = typeof(EncryptionClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.Contains("Save", StringComparison.Ordinal) || m.Name.Contains("Metadata", StringComparison.Ordinal) && !m.Name.StartsWith("Get", StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToList();

        Assert.Empty(writers); // SetupAsync (which refuses an account already set up) is the only way to upload metadata
    }

    [Fact]
    public async Task A_manual_refresh_of_the_clients_own_token_renews_the_credential_on_a_rotating_server()
    {
        var server = new FakeAuthServer(_time) { Opaque = true, Rotate = true };
        var access = server.IssueAccess();
        var refresh = server.IssueRefresh();
        var store = new RaviInMemoryTokenStore();
        var options = TestClients.Options(_time);
        options.Credential = new RaviCredential(new RaviTokens { AccessToken = access, RefreshToken = refresh }, store);
        using var client = TestClients.Create(options, server.Handler);

        var renewed = await client.Auth.RefreshTokenAsync(refresh);

        Assert.NotEqual(refresh, renewed.RefreshToken);
        var current = await options.Credential.GetTokenAsync();
        Assert.Equal(renewed.AccessToken, current!.AccessToken);
        Assert.Equal(renewed.RefreshToken, current.RefreshToken);
        Assert.Equal(renewed.RefreshToken, (await store.LoadAsync())!.RefreshToken);

        server.Revoke(access);
        server.Revoke(renewed.AccessToken); // the next call must renew with the rotated refresh token, not the spent one
        var user = await client.Auth.GetCurrentUserAsync();

        Assert.Equal("agent@example.com", user.Email);
        Assert.Equal(2, server.RefreshCalls);
    }

    [Fact]
    public async Task A_refresh_token_that_is_not_the_clients_own_leaves_the_credential_alone()
    {
        var server = new FakeAuthServer(_time) { Opaque = true, Rotate = true };
        var access = server.IssueAccess();
        var own = server.IssueRefresh();
        var foreign = server.IssueRefresh();
        var options = TestClients.Options(_time);
        options.Credential = new RaviCredential(access, own);
        using var client = TestClients.Create(options, server.Handler);

        var other = await client.Auth.RefreshTokenAsync(foreign);

        var current = await options.Credential.GetTokenAsync();
        Assert.Equal(access, current!.AccessToken);
        Assert.Equal(own, current.RefreshToken);
        Assert.NotEqual(access, other.AccessToken);
    }
}

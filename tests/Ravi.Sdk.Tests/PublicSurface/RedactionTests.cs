using System.Net;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.PublicSurface;

/// <summary>ToString of options, clients, tokens and secret-bearing models never shows a token or secret value.</summary>
public sealed class RedactionTests
{
    private const string Secret = "S3CR3T-value-9f8e";

    public static TheoryData<string> Objects => ["options", "client", "view", "tokens", "password entry", "vault secret", "password request", "vault request", "device authorization", "presigned upload"];

    [Theory]
    [MemberData(nameof(Objects))]
    public void ToString_never_shows_secrets(string name)
    {
        var options = new RaviClientOptions { AccessToken = Secret + "-access", RefreshToken = Secret + "-refresh", UseCliConfiguration = false };
        using var client = new RaviClient(options);
        object subject = name switch
        {
            "options" => options,
            "client" => client,
            "view" => client.ForIdentity(WireHarness.IdentityUuid),
            "tokens" => new RaviTokens { AccessToken = Secret + "-access", RefreshToken = Secret + "-refresh", User = Samples.User },
            "password entry" => new PasswordEntry { Uuid = Samples.EntryUuid, Domain = "example.com", Username = Secret + "-user", Password = Secret + "-pw", Notes = Secret + "-notes" },
            "vault secret" => new VaultSecret { Uuid = Samples.SecretUuid, Key = "OPENAI_API_KEY", Value = Secret + "-value", Notes = Secret + "-notes" },
            "password request" => new PasswordEntryRequest { Domain = "example.com", Username = Secret + "-user", Password = Secret + "-pw", Notes = Secret + "-notes" },
            "vault request" => new VaultSecretRequest { Key = "K", Value = Secret + "-value", Notes = Secret + "-notes" },
            "device authorization" => new DeviceAuthorization { DeviceCode = Secret + "-device", UserCode = "WDJB-MJHT", VerificationUri = new("https://ravi.app/device") },
            _ => new PresignedUpload { Uuid = Samples.AttachmentUuid, UploadUrl = new("https://storage.test/x?X-Amz-Signature=" + Secret), StorageKey = "att/x" },
        };

        var text = subject.ToString()!;

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.NotEqual(subject.GetType().FullName, text); // a real, informative ToString
    }

    [Fact]
    public void Redacted_models_still_show_their_non_secret_identity()
    {
        Assert.Contains("example.com", new PasswordEntry { Uuid = "e", Domain = "example.com", Password = "x" }.ToString(), StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY", new VaultSecret { Uuid = "s", Key = "OPENAI_API_KEY", Value = "x" }.ToString(), StringComparison.Ordinal);
        Assert.Contains("WDJB-MJHT", new DeviceAuthorization { DeviceCode = "d", UserCode = "WDJB-MJHT", VerificationUri = new("https://ravi.app/device") }.ToString(), StringComparison.Ordinal);
        using var client = new RaviClient(new RaviClientOptions { UseCliConfiguration = false });
        Assert.Contains(WireHarness.IdentityUuid, client.ForIdentity(WireHarness.IdentityUuid).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_exceptions_do_not_carry_the_bearer_token()
    {
        using var h = new WireHarness(o => o.AccessToken = Secret);
        h.ExpectJson(HttpMethod.Get, "api/auth/user/", """{"detail":"Token is invalid or expired","code":"token_not_valid"}""", HttpStatusCode.Unauthorized);

        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => h.Client.Auth.GetCurrentUserAsync());

        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal("Bearer " + Secret, h.SingleRequest().Header("Authorization"));
    }
}

using System.Text.Json.Nodes;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Every log line at Trace level and every exception text, across login, refresh, a revoked session, PIN setup and unlock,
/// and vault and password use against the real server, is free of tokens, the PIN, passwords and secret values.
/// </summary>
public abstract class LogRedactionTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : LogRedactionTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : LogRedactionTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private const string Pin = "472913";
    private const string WrongPin = "472914";
    private const string VaultValue = "sk-live-VAULT-plaintext-8842";
    private const string VaultNotes = "notes-plaintext-3317";
    private const string SitePassword = "site-Pa55word-plaintext-5521";
    private const string SiteUsername = "username-plaintext-7719";
    private const string WrongLoginPassword = "wrong-login-password-0042";

    /// <summary>base64url of the server's JWT header: any token (access or refresh) in a log would contain it.</summary>
    private const string JwtHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    [Fact]
    public async Task No_token_pin_password_or_secret_appears_in_logs_or_exception_messages()
    {
        var logs = new CapturingLoggerProvider();
        var errors = new List<Exception>();
        var client = CreateClient(o =>
        {
            o.AccessToken = null;
            o.RefreshToken = null;
            o.LoggerFactory = logs;
        });

        // Login (a wrong password first), then E2E setup, secrets written and read.
        errors.Add(await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.LoginAsync(Server.UserEmail, WrongLoginPassword)));
        var login = await client.Auth.LoginAsync(Server.UserEmail, Server.UserPassword);
        var agent = client.ForIdentity(IdentityUuid);
        await agent.Encryption.SetupAsync(Pin);
        var secret = await agent.Vault.SetAsync(new VaultSecretRequest { Key = "API_KEY", Value = VaultValue, Notes = VaultNotes });
        var entry = await agent.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "example.com", Username = SiteUsername, Password = SitePassword });

        // Two refreshes (the second spends the rotated refresh token), with secret reads after each.
        Server.ExpireAllTokens();
        Assert.Equal(VaultValue, (await agent.Vault.GetByKeyAsync("API_KEY"))!.Value);
        Server.ExpireAllTokens();
        Assert.Equal(SitePassword, (await agent.Passwords.GetAsync(entry.Uuid)).Password);
        Assert.Equal(2, Server.RefreshCallCount);

        // A second client with the same logger: a wrong PIN, then the right one, then a retried failure.
        var reader = CreateClient(o => o.LoggerFactory = logs).ForIdentity(IdentityUuid);
        errors.Add(await Assert.ThrowsAsync<RaviCryptoException>(() => reader.Encryption.UnlockAsync(WrongPin)));
        await reader.Encryption.UnlockAsync(Pin);
        Server.FailNext(1, 503, pathPrefix: "/api/vault/");
        Assert.Equal(VaultValue, (await reader.Vault.GetAsync(secret.Uuid)).Value);
        reader.Encryption.Lock();
        errors.Add(await Assert.ThrowsAsync<RaviCryptoException>(() => reader.Vault.SetAsync("OTHER", VaultValue)));

        // A revoked session.
        Server.RevokeRefreshTokens();
        Server.ExpireAllTokens();
        errors.Add(await Assert.ThrowsAsync<RaviAuthenticationException>(() => agent.Vault.GetAsync(secret.Uuid)));
        await client.Auth.LogoutAsync();

        // Everything secret the test, the server and the wire ever saw.
        var secrets = new HashSet<string>(StringComparer.Ordinal)
        {
            Pin, WrongPin, VaultValue, VaultNotes, SitePassword, SiteUsername, WrongLoginPassword, Server.UserPassword,
            login.AccessToken, login.RefreshToken!, Server.AccessToken, Server.RefreshToken,
        };
        foreach (var request in Server.Requests)
        {
            if (request.Header("Authorization") is { } authorization)
            {
                secrets.Add(authorization["Bearer ".Length..]);
            }

            if (request.Body is { Length: > 0 } body && JsonNode.Parse(body) is JsonObject json)
            {
                foreach (var field in new[] { "refresh", "password", "value", "notes", "username", "verifier" })
                {
                    if (json[field] is JsonValue value && value.GetValue<string>() is { Length: > 0 } text)
                    {
                        secrets.Add(text);
                    }
                }
            }
        }

        Assert.True(secrets.Count > 20, $"only {secrets.Count} secrets collected");
        var lines = logs.Lines.ToList();
        Assert.True(lines.Count > 50, $"only {lines.Count} log lines: logging is not wired up");
        Assert.Contains(lines, l => l.Contains("refresh", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.StartsWith("Trace", StringComparison.Ordinal) || l.StartsWith("Debug", StringComparison.Ordinal));
        var texts = lines.Concat(errors.Select(e => e.ToString())).ToList();
        foreach (var text in texts)
        {
            Assert.DoesNotContain(JwtHeader, text, StringComparison.Ordinal);
            Assert.DoesNotContain("e2e::", text, StringComparison.Ordinal);
            foreach (var value in secrets)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"A secret ({value.Length} chars) leaked into: {text}");
            }
        }
    }
}

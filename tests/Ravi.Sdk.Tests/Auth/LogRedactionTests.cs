using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

/// <summary>Every log line at Trace level, across login, refresh, device flow and vault use, is free of secrets.</summary>
public sealed class LogRedactionTests : IDisposable
{
    private const string Password = "hunter2-Pa55word!";
    private const string DeviceCode = "dc-secret-3d9f0a";
    private const string VaultValue = "vault-plaintext-value-77";
    private const string SecretUuid = "5e5e5e5e-1111-4222-8333-944455556666";

    private readonly ObservableTimeProvider _time = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ConcurrentDictionary<string, byte> _validAccess = new();
    private readonly ConcurrentDictionary<string, byte> _validRefresh = new();
    private readonly List<string> _secrets = [Password, DeviceCode, VaultValue];
    private readonly StubHandler _handler;
    private int _devicePolls;
    private int _vaultListCalls;

    public LogRedactionTests()
    {
        _handler = new StubHandler(Respond, _time);
    }

    public void Dispose() => _handler.Dispose();

    private (string Access, string Refresh) Issue()
    {
        var access = TestJwt.Create(_time.GetUtcNow() + TimeSpan.FromMinutes(15));
        var refresh = "rt-" + Guid.NewGuid().ToString("N");
        _validAccess[access] = 0;
        _validRefresh[refresh] = 0;
        lock (_secrets)
        {
            _secrets.Add(access);
            _secrets.Add(refresh);
        }

        return (access, refresh);
    }

    private HttpResponseMessage Tokens()
    {
        var (access, refresh) = Issue();
        return StubHandler.Json(HttpStatusCode.OK, $$$"""{"access":"{{{access}}}","refresh":"{{{refresh}}}","user":{"id":1,"email":"agent@example.com"}}""");
    }

    private HttpResponseMessage Respond(StubRequest r)
    {
        switch (r.Path)
        {
            case "/api/auth/login/":
                return Tokens();
            case "/api/auth/device/":
                return StubHandler.Json(HttpStatusCode.OK, $$"""{"device_code":"{{DeviceCode}}","user_code":"QWER-TYUI","verification_uri":"https://ravi.app/device","expires_in":600,"interval":5}""");
            case "/api/auth/device/token/":
                return Interlocked.Increment(ref _devicePolls) == 1
                    ? StubHandler.Json(HttpStatusCode.BadRequest, """{"error":"authorization_pending"}""")
                    : Tokens();
            case "/api/auth/token/refresh/":
                var refresh = System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("refresh").GetString()!;
                return _validRefresh.TryRemove(refresh, out _)
                    ? Tokens()
                    : StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"Token is invalid or expired","code":"token_not_valid"}""");
        }

        var bearer = r.Authorization?["Bearer ".Length..];
        if (bearer is null || !_validAccess.ContainsKey(bearer))
        {
            return StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"Given token not valid","code":"token_not_valid"}""");
        }

        return r.Path switch
        {
            "/api/vault/" => Interlocked.Increment(ref _vaultListCalls) == 1
                ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"detail":"busy","retry_after_seconds":0}""")
                : StubHandler.Json(HttpStatusCode.OK, $$"""[{"uuid":"{{SecretUuid}}","key":"API_KEY","value":null}]"""),
            "/api/vault/" + SecretUuid + "/" => StubHandler.Json(HttpStatusCode.OK, $$"""{"uuid":"{{SecretUuid}}","key":"API_KEY","value":"{{VaultValue}}"}"""),
            _ => StubHandler.Json(HttpStatusCode.OK, """{"id":1,"email":"agent@example.com"}"""),
        };
    }

    [Fact]
    public async Task No_token_password_code_or_secret_value_reaches_the_logs_or_exception_messages()
    {
        var store = new RaviInMemoryTokenStore();
        var options = TestClients.Options(_time);
        options.Credential = RaviCredential.SignedOut(store);
        options.LoggerFactory = _logs;
        using var client = TestClients.Create(options, _handler, loggerFactory: _logs);
        var agent = client.ForIdentity(TestClients.Identity);

        // Password login, then the access token is revoked server-side: 401 → refresh → replay.
        var login = await client.Auth.LoginAsync("agent@example.com", Password);
        _validAccess.TryRemove(login.AccessToken, out _);
        await client.Auth.GetCurrentUserAsync();

        // Vault use (with a retried 503).
        var listed = await agent.Vault.ListAsync().ToListAsync();
        var secret = await agent.Vault.GetAsync(SecretUuid);
        Assert.Single(listed);
        Assert.Equal(VaultValue, secret.Value);

        // Device-code login.
        var device = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        await _time.AdvanceNextTimerAsync();
        await _time.AdvanceNextTimerAsync();
        var deviceTokens = await device;

        // Proactive refresh as the token nears expiry.
        _time.Advance(TimeSpan.FromMinutes(14.5));
        await client.Auth.GetCurrentUserAsync();

        // Everything revoked: the failed refresh becomes an authentication error.
        _validAccess.Clear();
        _validRefresh.Clear();
        var failure = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        var lines = _logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("refreshed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Retrying GET /api/vault/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Device login", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Trace", StringComparison.Ordinal));
        Assert.True(_secrets.Count >= 10, "the scenario issued several token pairs");
        Assert.Contains(deviceTokens.AccessToken, _secrets);

        string[] secrets;
        lock (_secrets)
        {
            secrets = [.. _secrets];
        }

        foreach (var s in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(s, StringComparison.Ordinal));
            Assert.DoesNotContain(s, failure.ToString());
        }

        Assert.DoesNotContain(login.AccessToken, login.ToString());
        Assert.DoesNotContain(login.RefreshToken!, login.ToString());
        Assert.DoesNotContain(login.AccessToken, options.Credential.ToString()!);
    }
}

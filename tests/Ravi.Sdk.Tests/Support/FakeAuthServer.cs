using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Ravi.Sdk.Tests.Support;

/// <summary>
/// An in-memory Ravi auth server: accepts only the current access tokens, rotates single-use refresh tokens, counts
/// refresh calls, signs in any email/password at <c>/api/auth/login/</c>, and answers every other authorized request with
/// <see cref="OkJson"/>.
/// </summary>
internal sealed class FakeAuthServer
{
    private readonly ConcurrentDictionary<string, byte> _validAccess = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _validRefresh = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _refreshCalls;
    private int _unauthorized;
    private int _issued;

    public FakeAuthServer(TimeProvider time)
    {
        _time = time;
        Handler = new StubHandler(RespondAsync, time);
    }

    public StubHandler Handler { get; }

    public int RefreshCalls => Volatile.Read(ref _refreshCalls);

    public int Unauthorized => Volatile.Read(ref _unauthorized);

    /// <summary>Whether refresh tokens are single-use and rotated (the live service may or may not rotate).</summary>
    public bool Rotate { get; set; } = true;

    /// <summary>Answer with <c>access_token</c>/<c>refresh_token</c> (docs) instead of <c>access</c>/<c>refresh</c> (CLI).</summary>
    public bool DocFieldNames { get; set; }

    /// <summary>Issue opaque tokens instead of JWTs.</summary>
    public bool Opaque { get; set; }

    /// <summary>Lifetime of issued JWTs.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Held before answering a refresh (lets concurrent 401s pile up).</summary>
    public Func<Task>? BeforeRefresh { get; set; }

    /// <summary>Body of successful non-auth responses.</summary>
    public string OkJson { get; set; } = """{"id":7,"email":"agent@example.com","first_name":"A","last_name":"B"}""";

    public List<string> IssuedSecrets { get; } = [];

    public string IssueAccess()
    {
        var n = Interlocked.Increment(ref _issued);
        var token = Opaque ? $"opaque-access-{n}-{Guid.NewGuid():N}" : TestJwt.Create(_time.GetUtcNow() + Lifetime, "agent" + n);
        _validAccess[token] = 0;
        lock (IssuedSecrets)
        {
            IssuedSecrets.Add(token);
        }

        return token;
    }

    public string IssueRefresh()
    {
        var token = $"refresh-{Guid.NewGuid():N}";
        _validRefresh[token] = 0;
        lock (IssuedSecrets)
        {
            IssuedSecrets.Add(token);
        }

        return token;
    }

    public void Revoke(string accessToken) => _validAccess.TryRemove(accessToken, out _);

    public void RevokeRefresh(string refreshToken) => _validRefresh.TryRemove(refreshToken, out _);

    public bool IsValidAccess(string token) => _validAccess.ContainsKey(token);

    private async Task<HttpResponseMessage> RespondAsync(HttpRequestMessage request, StubRequest recorded, CancellationToken cancellationToken)
    {
        if (recorded.Path == "/api/auth/token/refresh/")
        {
            Interlocked.Increment(ref _refreshCalls);
            if (BeforeRefresh is { } gate)
            {
                await gate();
            }

            using var doc = JsonDocument.Parse(recorded.Body ?? "{}");
            var refresh = doc.RootElement.TryGetProperty("refresh", out var r) ? r.GetString() : null;
            if (refresh is null || !_validRefresh.ContainsKey(refresh))
            {
                return StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"Token is invalid or expired","code":"token_not_valid"}""");
            }

            var access = IssueAccess();
            string? newRefresh = null;
            if (Rotate)
            {
                _validRefresh.TryRemove(refresh, out _);
                newRefresh = IssueRefresh();
            }

            var (a, rf) = DocFieldNames ? ("access_token", "refresh_token") : ("access", "refresh");
            return StubHandler.Json(HttpStatusCode.OK, newRefresh is null
                ? $$"""{"{{a}}":"{{access}}"}"""
                : $$"""{"{{a}}":"{{access}}","{{rf}}":"{{newRefresh}}"}""");
        }

        if (recorded.Path == "/api/auth/login/")
        {
            using var login = JsonDocument.Parse(recorded.Body ?? "{}");
            var email = login.RootElement.TryGetProperty("email", out var e) ? e.GetString() : null;
            return StubHandler.Json(HttpStatusCode.OK, $$$"""{"access":"{{{IssueAccess()}}}","refresh":"{{{IssueRefresh()}}}","user":{"id":7,"email":"{{{email}}}"}}""");
        }

        var bearer = recorded.Authorization is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h["Bearer ".Length..] : null;
        if (bearer is null || !_validAccess.ContainsKey(bearer))
        {
            Interlocked.Increment(ref _unauthorized);
            return StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"Given token not valid for any token type","code":"token_not_valid"}""");
        }

        return StubHandler.Json(HttpStatusCode.OK, OkJson);
    }
}

using System.Text.Json;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

/// <summary>
/// Tokens found in the store are adopted only when they could be usable (docs/authentication.md#refresh): a store whose
/// access token is a JWT that has expired is renewed with a refresh token instead — ours when the store's tokens are older
/// than ours (a lost update by a writer that ignores the lock, like the CLI), else the store's, falling back to ours when
/// the server rejects the store's. Every refresh token goes on the wire at most once. Deterministic: a scripted store and a
/// fake clock, no timing.
/// </summary>
public sealed class StaleStoredTokensTests
{
    private readonly ObservableTimeProvider _time = new();
    private readonly FakeAuthServer _server;

    public StaleStoredTokensTests()
    {
        _server = new FakeAuthServer(_time) { Rotate = true, Lifetime = TimeSpan.FromMinutes(10) }; // well beyond the 60 s skew
    }

    private RaviClient Client(IRaviTokenStore store)
    {
        var options = TestClients.Options(_time);
        options.Credential = new RaviCredential(store);
        return TestClients.Create(options, _server.Handler);
    }

    [Fact]
    public async Task A_lost_update_that_brings_back_older_expired_tokens_is_not_adopted_and_our_refresh_token_renews()
    {
        var a0 = _server.IssueAccess();
        var r0 = _server.IssueRefresh();
        var old = new RaviTokens { AccessToken = a0, RefreshToken = r0 };
        // The CLI read the file before each of our saves and writes that back right after it: our save is lost.
        var store = new ScriptedStore(old) { AfterSave = _ => old };
        using var client = Client(store);

        _time.Advance(TimeSpan.FromMinutes(20));
        _server.Revoke(a0); // expired: the server no longer accepts it
        await client.Auth.GetCurrentUserAsync(); // refreshes with r0 (rotated away), saves (a1, r1); the file is back to (a0, r0)
        Assert.Equal(1, _server.RefreshCalls);
        var first = store.Saved.Single();

        _time.Advance(TimeSpan.FromMinutes(20));
        _server.Revoke(first.AccessToken);
        var user = await client.Auth.GetCurrentUserAsync(); // before the fix: adopts a0, 401, spends r0 again, 401 token_not_valid

        Assert.Equal("agent@example.com", user.Email);
        Assert.Equal(2, _server.RefreshCalls);
        Assert.Equal(0, _server.Unauthorized); // the expired a0 never went on the wire
        Assert.Equal(1, RefreshesWith(r0)); // r0 sent once, never again
        Assert.Equal(1, RefreshesWith(first.RefreshToken!));
        var second = store.Saved[^1];
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal("Bearer " + second.AccessToken, _server.Handler.Requests.Last().Authorization);
    }

    [Fact]
    public async Task Another_processs_rotation_whose_access_token_expired_too_is_renewed_with_the_stores_refresh_token_without_a_401()
    {
        var a1 = _server.IssueAccess();
        var r1 = _server.IssueRefresh();
        var store = new ScriptedStore(new RaviTokens { AccessToken = a1, RefreshToken = r1 });
        using var client = Client(store);
        await client.Auth.GetCurrentUserAsync(); // a1 is valid: no refresh

        _time.Advance(TimeSpan.FromSeconds(30));
        var a2 = _server.IssueAccess(); // another process rotated r1 into (a2, r2) and wrote the store
        var r2 = _server.IssueRefresh();
        _server.RevokeRefresh(r1);
        store.Set(new RaviTokens { AccessToken = a2, RefreshToken = r2 });
        _time.Advance(TimeSpan.FromMinutes(20)); // both access tokens have expired since
        _server.Revoke(a1);
        _server.Revoke(a2);

        var user = await client.Auth.GetCurrentUserAsync();

        Assert.Equal("agent@example.com", user.Email);
        Assert.Equal(0, _server.Unauthorized); // before the fix: a2 was adopted as-is and sent (401), then renewed
        Assert.Equal(1, _server.RefreshCalls);
        Assert.Equal(1, RefreshesWith(r2));
        Assert.Equal(0, RefreshesWith(r1)); // ours was rotated away by the other process: never sent
        Assert.Equal(store.Saved[^1].AccessToken, (await new RaviCredential(store).GetTokenAsync())!.AccessToken);
    }

    [Fact]
    public async Task When_the_server_rejects_the_stores_refresh_token_ours_renews_and_each_is_sent_once()
    {
        var a1 = _server.IssueAccess();
        var r1 = _server.IssueRefresh();
        var store = new ScriptedStore(new RaviTokens { AccessToken = a1, RefreshToken = r1 });
        using var client = Client(store);
        await client.Auth.GetCurrentUserAsync();

        _time.Advance(TimeSpan.FromSeconds(30));
        var a2 = _server.IssueAccess();
        var r2 = _server.IssueRefresh();
        _server.RevokeRefresh(r2); // the store's session was revoked; ours is still good
        store.Set(new RaviTokens { AccessToken = a2, RefreshToken = r2 });
        _time.Advance(TimeSpan.FromMinutes(20));
        _server.Revoke(a1);
        _server.Revoke(a2);

        var user = await client.Auth.GetCurrentUserAsync(); // before the fix: a2 adopted, 401, r2 rejected: the call fails

        Assert.Equal("agent@example.com", user.Email);
        Assert.Equal(1, RefreshesWith(r2));
        Assert.Equal(1, RefreshesWith(r1));
        Assert.Equal(0, _server.Unauthorized);

        // The store still holds the rejected r2 next to an expired token only if our save failed; it did not, and a
        // later renewal never sends r2 again even if the store brings it back.
        store.Set(new RaviTokens { AccessToken = a2, RefreshToken = r2 });
        _time.Advance(TimeSpan.FromMinutes(20));
        await client.Auth.GetCurrentUserAsync();
        Assert.Equal(1, RefreshesWith(r2));
    }

    [Fact]
    public async Task When_both_refresh_tokens_are_rejected_the_call_says_sign_in_again_and_neither_is_sent_twice()
    {
        var a1 = _server.IssueAccess();
        var r1 = _server.IssueRefresh();
        var store = new ScriptedStore(new RaviTokens { AccessToken = a1, RefreshToken = r1 });
        using var client = Client(store);
        await client.Auth.GetCurrentUserAsync();

        _time.Advance(TimeSpan.FromSeconds(30));
        var a2 = _server.IssueAccess();
        var r2 = _server.IssueRefresh();
        _server.RevokeRefresh(r1);
        _server.RevokeRefresh(r2);
        store.Set(new RaviTokens { AccessToken = a2, RefreshToken = r2 });
        _time.Advance(TimeSpan.FromMinutes(20));
        _server.Revoke(a1);
        _server.Revoke(a2);

        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        Assert.Equal(1, RefreshesWith(r2));
        Assert.Equal(1, RefreshesWith(r1));
    }

    private int RefreshesWith(string refreshToken) => _server.Handler.Requests.Count(r =>
        r.Path == "/api/auth/token/refresh/" && r.Body is { } body &&
        JsonDocument.Parse(body).RootElement.GetProperty("refresh").GetString() == refreshToken);

    /// <summary>An in-memory store whose content a test sets, and that can replace each save with what a lock-ignoring writer puts back.</summary>
    private sealed class ScriptedStore(RaviTokens initial) : IRaviTokenStore
    {
        private RaviTokens? _tokens = initial;

        /// <summary>What the store holds right after a save (the saved tokens when <see langword="null"/>).</summary>
        public Func<RaviTokens, RaviTokens>? AfterSave { get; init; }

        public List<RaviTokens> Saved { get; } = [];

        public void Set(RaviTokens tokens) => Volatile.Write(ref _tokens, tokens);

        public ValueTask<RaviTokens?> LoadAsync(CancellationToken cancellationToken = default) => new(Volatile.Read(ref _tokens));

        public ValueTask SaveAsync(RaviTokens tokens, CancellationToken cancellationToken = default)
        {
            lock (Saved)
            {
                Saved.Add(tokens);
            }

            Volatile.Write(ref _tokens, AfterSave is { } after ? after(tokens) : tokens);
            return ValueTask.CompletedTask;
        }

        public ValueTask ClearAsync(CancellationToken cancellationToken = default)
        {
            Volatile.Write(ref _tokens, null);
            return ValueTask.CompletedTask;
        }
    }
}

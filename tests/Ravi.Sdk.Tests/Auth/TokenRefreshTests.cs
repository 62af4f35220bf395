using System.Net;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

public sealed class TokenRefreshTests
{
    private readonly ObservableTimeProvider _time = new();

    [Fact]
    public async Task Refresh_storm_of_1000_concurrent_401s_makes_exactly_one_refresh_call()
    {
        var server = new FakeAuthServer(_time) { Opaque = true };
        var expired = "opaque-expired-token"; // not valid on the server: every request gets 401 until the refresh
        var refresh = server.IssueRefresh();
        var piledUp = new TaskCompletionSource();
        server.BeforeRefresh = async () => await Task.WhenAny(piledUp.Task, Task.Delay(TimeSpan.FromSeconds(3)));
        using var client = TestClients.Create(TestClients.Options(_time, expired, refresh), server.Handler);

        var tasks = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => client.Auth.GetCurrentUserAsync())).ToArray();
        while (server.Unauthorized < 200 && !tasks.All(t => t.IsCompleted))
        {
            await Task.Delay(5);
        }

        piledUp.TrySetResult();
        var users = await Task.WhenAll(tasks);

        Assert.Equal(1000, users.Length);
        Assert.All(users, u => Assert.Equal("agent@example.com", u.Email));
        Assert.Equal(1, server.RefreshCalls);
        Assert.Equal(1, server.Handler.Count("POST", "/api/auth/token/refresh/"));
        Assert.True(server.Unauthorized >= 200, $"only {server.Unauthorized} requests were rejected concurrently");
        Assert.Equal(1000, server.Handler.Requests.Count(r => r.Path == "/api/auth/user/" && r.Authorization != "Bearer " + expired));
    }

    [Fact]
    public async Task Storm_with_an_expired_jwt_refreshes_once_proactively_and_never_sends_the_expired_token()
    {
        var server = new FakeAuthServer(_time);
        var expired = TestJwt.Create(_time.GetUtcNow() - TimeSpan.FromMinutes(1));
        var refresh = server.IssueRefresh();
        using var client = TestClients.Create(TestClients.Options(_time, expired, refresh), server.Handler);

        var users = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => client.Auth.GetCurrentUserAsync())));

        Assert.Equal(1000, users.Length);
        Assert.Equal(1, server.RefreshCalls);
        Assert.Equal(0, server.Unauthorized);
        Assert.DoesNotContain(server.Handler.Requests, r => r.Authorization == "Bearer " + expired);
    }

    [Fact]
    public async Task Token_close_to_exp_is_refreshed_before_the_request()
    {
        var server = new FakeAuthServer(_time);
        var soon = TestJwt.Create(_time.GetUtcNow() + TimeSpan.FromSeconds(30));
        server.Handler.Requests.Clear();
        var refresh = server.IssueRefresh();
        var options = TestClients.Options(_time, soon, refresh);
        options.TokenRefreshSkew = TimeSpan.FromSeconds(60);
        using var client = TestClients.Create(options, server.Handler);

        await client.Auth.GetCurrentUserAsync();

        var requests = server.Handler.Requests.ToArray();
        Assert.Equal(["/api/auth/token/refresh/", "/api/auth/user/"], requests.Select(r => r.Path));
        Assert.NotEqual("Bearer " + soon, requests[1].Authorization);
        Assert.True(server.IsValidAccess(requests[1].Authorization!["Bearer ".Length..]));
    }

    [Fact]
    public async Task Token_far_from_exp_is_not_refreshed()
    {
        var server = new FakeAuthServer(_time);
        var access = server.IssueAccess(); // valid 15 min
        using var client = TestClients.Create(TestClients.Options(_time, access, server.IssueRefresh()), server.Handler);

        await client.Auth.GetCurrentUserAsync();
        _time.Advance(TimeSpan.FromMinutes(13)); // still 2 min > 60 s skew
        await client.Auth.GetCurrentUserAsync();

        Assert.Equal(0, server.RefreshCalls);
        Assert.All(server.Handler.Requests, r => Assert.Equal("Bearer " + access, r.Authorization));

        _time.Advance(TimeSpan.FromMinutes(1.5)); // 30 s left: inside the skew
        await client.Auth.GetCurrentUserAsync();
        Assert.Equal(1, server.RefreshCalls);
    }

    [Fact]
    public async Task Failed_refresh_becomes_RaviAuthenticationException_telling_the_user_to_sign_in_without_leaking_tokens()
    {
        var server = new FakeAuthServer(_time) { Opaque = true };
        const string access = "opaque-stale-access-token-123";
        const string refresh = "refresh-revoked-456";
        using var client = TestClients.Create(TestClients.Options(_time, access, refresh), server.Handler);

        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        Assert.Contains("ravi login", ex.Message);
        Assert.Contains("LoginWithDeviceCodeAsync", ex.Message);
        Assert.DoesNotContain(access, ex.ToString());
        Assert.DoesNotContain(refresh, ex.ToString());
        Assert.Equal(1, server.RefreshCalls);

        // The dead refresh token is not sent again by later requests.
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());
        Assert.Equal(1, server.RefreshCalls);
    }

    [Fact]
    public async Task No_refresh_token_means_a_401_is_an_authentication_error_without_refresh_attempt()
    {
        var server = new FakeAuthServer(_time);
        using var client = TestClients.Create(TestClients.Options(_time, TestJwt.Create(_time.GetUtcNow() + TimeSpan.FromHours(1))), server.Handler);

        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        Assert.Contains("no refresh token", ex.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(0, server.RefreshCalls);
        Assert.Single(server.Handler.Requests);
    }

    [Theory]
    [InlineData("ravi_mgmt_0123456789abcdef")]
    [InlineData("ravi_id_0123456789abcdef")]
    public async Task Static_api_keys_are_never_refreshed(string apiKey)
    {
        var server = new FakeAuthServer(_time);
        using var client = TestClients.Create(TestClients.Options(_time, apiKey, server.IssueRefresh()), server.Handler);

        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        Assert.Contains("API key", ex.Message);
        Assert.DoesNotContain(apiKey, ex.ToString());
        Assert.Equal(0, server.RefreshCalls);
        Assert.Equal("Bearer " + apiKey, Assert.Single(server.Handler.Requests).Authorization);
    }

    [Fact]
    public async Task Static_api_key_that_works_is_sent_as_bearer()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.OK, """{"id":1,"email":"k@example.com"}"""));
        using var client = TestClients.Create(TestClients.Options(_time, "ravi_id_abc"), handler);

        await client.Auth.GetCurrentUserAsync();

        Assert.Equal("Bearer ravi_id_abc", Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task Anonymous_requests_carry_no_authorization_header()
    {
        var handler = new StubHandler(r => r.Path switch
        {
            "/api/auth/device/" => StubHandler.Json(HttpStatusCode.OK, """{"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"https://ravi.app/device","expires_in":900,"interval":5}"""),
            "/api/auth/login/" => StubHandler.Json(HttpStatusCode.OK, """{"access":"a2","refresh":"r2"}"""),
            "/api/auth/token/refresh/" => StubHandler.Json(HttpStatusCode.OK, """{"access":"a3"}"""),
            _ => StubHandler.Json(HttpStatusCode.OK, "{}"),
        });
        using var client = TestClients.Create(TestClients.Options(_time, "some-access", "some-refresh"), handler);

        await client.Auth.RequestDeviceCodeAsync();
        await client.Auth.RefreshTokenAsync("some-refresh");
        await client.Auth.LoginAsync("me@example.com", "pw");

        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task The_refresh_call_itself_carries_no_bearer_and_accepts_doc_field_names_and_rotation_is_kept()
    {
        var server = new FakeAuthServer(_time) { Opaque = true, DocFieldNames = true };
        var store = new RaviInMemoryTokenStore();
        var credential = new RaviCredential(new RaviTokens { AccessToken = "opaque-old", RefreshToken = server.IssueRefresh() }, store);
        var options = TestClients.Options(_time);
        options.Credential = credential;
        using var client = TestClients.Create(options, server.Handler);

        await client.Auth.GetCurrentUserAsync();

        var refreshCall = Assert.Single(server.Handler.Requests, r => r.Path == "/api/auth/token/refresh/");
        Assert.Null(refreshCall.Authorization);
        var saved = await store.LoadAsync();
        Assert.NotNull(saved);
        Assert.True(server.IsValidAccess(saved.AccessToken));
        Assert.StartsWith("refresh-", saved.RefreshToken);
        Assert.Equal(saved, await credential.GetTokenAsync());
    }

    [Fact]
    public async Task Without_rotation_the_old_refresh_token_is_kept()
    {
        var server = new FakeAuthServer(_time) { Opaque = true, Rotate = false };
        var refresh = server.IssueRefresh();
        var credential = new RaviCredential("opaque-old", refresh);
        var options = TestClients.Options(_time);
        options.Credential = credential;
        using var client = TestClients.Create(options, server.Handler);

        await client.Auth.GetCurrentUserAsync();
        var tokens = await credential.GetTokenAsync();

        Assert.Equal(refresh, tokens!.RefreshToken);
        Assert.NotEqual("opaque-old", tokens.AccessToken);
    }

    [Fact]
    public async Task Post_body_is_replayed_identically_after_a_401()
    {
        var server = new FakeAuthServer(_time) { Opaque = true, OkJson = """{"uuid":"3f2b8c1e-1111-4222-8333-944455556666","name":"bot"}""" };
        using var client = TestClients.Create(TestClients.Options(_time, "opaque-old", server.IssueRefresh()), server.Handler);

        await client.Identities.CreateAsync("bot");

        var creates = server.Handler.Requests.Where(r => r.Path == "/api/identities/").ToArray();
        Assert.Equal(2, creates.Length);
        Assert.Equal("Bearer opaque-old", creates[0].Authorization);
        Assert.NotEqual(creates[0].Authorization, creates[1].Authorization);
        Assert.Equal(creates[0].Body, creates[1].Body);
        Assert.Contains("\"bot\"", creates[1].Body);
    }

    [Fact]
    public async Task Request_is_not_replayed_when_the_credential_returns_the_same_token()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"nope","code":"token_not_valid"}"""));
        var options = TestClients.Options(_time);
        options.Credential = new SameTokenCredential();
        using var client = TestClients.Create(options, handler);

        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Refresh_token_alone_is_exchanged_before_the_first_request()
    {
        var server = new FakeAuthServer(_time);
        var options = TestClients.Options(_time);
        options.RefreshToken = server.IssueRefresh();
        using var client = TestClients.Create(options, server.Handler);

        await client.Auth.GetCurrentUserAsync();

        Assert.Equal(["/api/auth/token/refresh/", "/api/auth/user/"], server.Handler.Requests.Select(r => r.Path));
        Assert.Equal(0, server.Unauthorized);
    }

    [Fact]
    public async Task Not_signed_in_gives_a_clear_authentication_error()
    {
        var handler = new StubHandler(_ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"detail":"Authentication credentials were not provided.","code":"not_authenticated"}"""));
        using var client = TestClients.Create(TestClients.Options(_time), handler);

        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        Assert.Contains("No Ravi credentials", ex.Message);
        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public void Jwt_exp_is_read_from_the_payload_and_non_jwts_have_none()
    {
        var exp = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal(exp, RaviJwt.TryGetExpiry(TestJwt.Create(exp)));
        Assert.Null(RaviJwt.TryGetExpiry("ravi_mgmt_abc"));
        Assert.Null(RaviJwt.TryGetExpiry("a.b.c"));
        Assert.Null(RaviJwt.TryGetExpiry("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig")); // no exp
    }

    private sealed class SameTokenCredential : IRaviCredential
    {
        private static readonly RaviTokens Tokens = new() { AccessToken = "fixed", RefreshToken = "r" };

        public ValueTask<RaviTokens?> GetTokenAsync(CancellationToken cancellationToken = default) => new(Tokens);

        public ValueTask<RaviTokens> RefreshAsync(RaviTokens rejected, RaviTokenRefreshCallback refresh, CancellationToken cancellationToken = default) => new(Tokens);

        public ValueTask UpdateAsync(RaviTokens? tokens, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}

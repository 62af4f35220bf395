using System.Net;
using System.Text.Json.Nodes;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>Bearer tokens, refresh (single-flight, rotation, revocation), login, logout and API keys against the real server (docs/authentication.md#refresh).</summary>
public abstract class AuthTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : AuthTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : AuthTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    [Fact]
    public async Task A_storm_of_1000_concurrent_requests_after_expiry_makes_exactly_one_refresh_call()
    {
        var client = CreateClient();
        await client.Identities.GetAsync(IdentityUuid); // warm: one connection, a valid token
        Server.ExpireAllTokens();
        Server.ClearRequests();

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => client.Identities.GetAsync(IdentityUuid)))
            .WaitAsync(TimeSpan.FromMinutes(1)); // a hang guard only: how long the storm takes is a benchmark's question, not this test's

        Assert.Equal(1, Server.RefreshCallCount);
        Assert.All(results, identity => Assert.Equal(IdentityUuid, identity.Uuid));
        var gets = RequestsTo("GET", $"/api/identities/{IdentityUuid}/");
        Assert.Equal(1000, gets.Count(r => r.StatusCode == 200));
        Assert.InRange(gets.Count(r => r.StatusCode == 401), 1, 1000);
        Assert.Equal(gets.Count, gets.Count(r => r.StatusCode is 200 or 401));
        var renewed = Assert.Single(gets.Where(r => r.StatusCode == 200).Select(r => r.Header("Authorization")).Distinct());
        Assert.NotEqual($"Bearer {Server.AccessToken}", renewed);
    }

    [Fact]
    public async Task Rotated_refresh_tokens_are_used_in_turn_across_repeated_expiries()
    {
        var agent = CreateIdentityClient();

        for (var round = 1; round <= 3; round++)
        {
            Server.ExpireAllTokens();
            Assert.Single(await agent.Phone.ListAsync().ToListAsync());
            Assert.Equal(round, Server.RefreshCallCount);
        }

        var refreshTokens = RequestsTo("POST", "/api/auth/token/refresh/")
            .Select(r => JsonNode.Parse(r.Body!)!["refresh"]!.GetValue<string>())
            .ToList();
        Assert.Equal(Server.RefreshToken, refreshTokens[0]);
        Assert.Equal(3, refreshTokens.Distinct().Count()); // each rotation was adopted (the server rejects reuse)
        Assert.All(RequestsTo("POST", "/api/auth/token/refresh/"), r =>
        {
            Assert.Equal(200, r.StatusCode);
            Assert.Null(r.Header("Authorization"));
            Assert.Null(r.Header("X-Ravi-Identity"));
        });
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_RaviAuthenticationException_and_is_not_tried_again()
    {
        var client = CreateClient();
        Server.RevokeRefreshTokens();
        Server.ExpireAllTokens();

        var first = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Identities.ListAsync().ToListAsync().AsTask());
        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("Sign in again", first.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.RefreshCallCount);
        Assert.Equal([401], RequestsTo("POST", "/api/auth/token/refresh/").Select(r => r.StatusCode));

        // The same dead refresh token is not spent again: the SDK fails fast.
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Subscription.GetAsync());
        Assert.Equal(1, Server.RefreshCallCount);
        Assert.DoesNotContain(Server.RefreshToken, first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Server.AccessToken, first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_current_user_and_logout_with_a_signed_out_client()
    {
        var client = CreateClient(o =>
        {
            o.AccessToken = null;
            o.RefreshToken = null;
        });
        var anonymous = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());
        Assert.Contains("No Ravi credentials", anonymous.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(RequestsTo("GET", "/api/auth/user/")).Header("Authorization"));

        var badLogin = await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.LoginAsync(Server.UserEmail, "wrong-password"));
        Assert.Equal("no_active_account", badLogin.Code);

        var tokens = await client.Auth.LoginAsync(Server.UserEmail, Server.UserPassword);
        Assert.Equal(Server.UserEmail, tokens.User?.Email);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        var user = await client.Auth.GetCurrentUserAsync();
        Assert.Equal(Server.User.Id, user.Id);
        Assert.Equal(Server.UserEmail, user.Email);
        Assert.Equal($"Bearer {tokens.AccessToken}", RequestsTo("GET", "/api/auth/user/")[^1].Header("Authorization"));

        // Identity views share the signed-in credential.
        Assert.Single(await client.ForIdentity(IdentityUuid).Phone.ListAsync().ToListAsync());
        var login = Assert.Single(RequestsTo("POST", "/api/auth/login/"), r => r.StatusCode == 200);
        Assert.Null(login.Header("Authorization"));

        await client.Auth.LogoutAsync();
        Assert.Equal([200], RequestsTo("POST", "/api/auth/logout/").Select(r => r.StatusCode));
        Assert.Equal(tokens.RefreshToken, JsonNode.Parse(RequestsTo("POST", "/api/auth/logout/")[0].Body!)!["refresh"]!.GetValue<string>());
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        // The server revoked the session: the old tokens are useless elsewhere too.
        var stale = CreateClient(o =>
        {
            o.AccessToken = tokens.AccessToken;
            o.RefreshToken = tokens.RefreshToken;
        });
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => stale.Auth.GetCurrentUserAsync());
    }

    [Fact]
    public async Task A_static_api_key_works_and_is_never_refreshed()
    {
        var key = Server.CreateApiKey();
        var client = CreateClient(o =>
        {
            o.AccessToken = key;
            o.RefreshToken = null;
        });

        Server.ExpireAllTokens();
        Assert.Equal(Server.UserEmail, (await client.Auth.GetCurrentUserAsync()).Email);
        Assert.Equal($"Bearer {key}", Assert.Single(RequestsTo("GET", "/api/auth/user/")).Header("Authorization"));

        var other = CreateClient(o =>
        {
            o.AccessToken = "ravi_mgmt_0000000000000000000000000000000000000000";
            o.RefreshToken = null;
        });
        var rejected = await Assert.ThrowsAsync<RaviAuthenticationException>(() => other.Auth.GetCurrentUserAsync());
        Assert.Contains("API key", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(0, Server.RefreshCallCount);
    }

    [Fact]
    public async Task A_refresh_token_alone_signs_in_on_the_first_request()
    {
        var client = CreateClient(o => o.AccessToken = null);

        Assert.Equal(Server.UserEmail, (await client.Auth.GetCurrentUserAsync()).Email);

        Assert.Equal(1, Server.RefreshCallCount);
        var request = Assert.Single(RequestsTo("GET", "/api/auth/user/"));
        Assert.Equal(200, request.StatusCode);
        Assert.StartsWith("Bearer ey", request.Header("Authorization"), StringComparison.Ordinal);
    }
}

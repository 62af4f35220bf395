using System.Buffers.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class AuthTests : ServerTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override RaviTestServerOptions CreateOptions() => new()
    {
        TimeProvider = _time,
        AccessTokenLifetime = TimeSpan.FromMinutes(5),
        DevicePollInterval = TimeSpan.FromSeconds(5),
    };

    private RaviTestServer _server => Server;

    private ServerApi _api => Api;

    [Fact]
    public async Task Seeded_token_reads_the_current_user()
    {
        var user = (await _api.GetAsync("api/auth/user/")).Expect(200).Object;

        Assert.Equal(_server.User.Id, user["id"]!.GetValue<long>());
        Assert.Equal("agent@ravi.test", user["email"]!.GetValue<string>());
        Assert.Equal("Test", user["first_name"]!.GetValue<string>());
        Assert.Equal("Agent", user["last_name"]!.GetValue<string>());
        Assert.StartsWith("http://127.0.0.1:", _server.BaseAddress.ToString());
    }

    [Fact]
    public async Task Login_returns_tokens_that_work_and_rejects_bad_credentials()
    {
        _api.Token = null;
        var login = (await _api.PostAsync("api/auth/login/", new JsonObject { ["email"] = "AGENT@ravi.test", ["password"] = _server.UserPassword }))
            .Expect(200).Object;
        Assert.Equal(_server.UserEmail, login["user"]!["email"]!.GetValue<string>());
        Assert.NotNull(login["refresh"]);

        _api.Token = login["access"]!.GetValue<string>();
        (await _api.GetAsync("api/auth/user/")).Expect(200);

        var wrong = (await _api.PostAsync("api/auth/login/", new JsonObject { ["email"] = _server.UserEmail, ["password"] = "nope" })).Expect(401);
        Assert.Equal("no_active_account", wrong.ErrorCode);

        var missing = (await _api.PostAsync("api/auth/login/", new JsonObject { ["email"] = _server.UserEmail })).Expect(400);
        Assert.Equal("This field is required.", missing.Object["password"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Access_tokens_are_hs256_jwts_with_exp_sub_and_jti()
    {
        var parts = _server.AccessToken.Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!;
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;

        Assert.Equal("HS256", header["alg"]!.GetValue<string>());
        Assert.Equal(_time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
        Assert.Equal(_server.User.Id.ToString(), payload["sub"]!.GetValue<string>());
        Assert.Equal(32, payload["jti"]!.GetValue<string>().Length);
        Assert.Equal("access", payload["token_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_bad_tampered_and_expired_tokens_get_the_documented_401s()
    {
        _api.Token = null;
        var missing = (await _api.GetAsync("api/identities/")).Expect(401);
        Assert.Equal("not_authenticated", missing.ErrorCode);
        Assert.Contains("Bearer", missing.Headers.WwwAuthenticate.ToString());

        _api.Token = "not-a-jwt";
        Assert.Equal("token_not_valid", (await _api.GetAsync("api/identities/")).Expect(401).ErrorCode);

        var parts = _server.AccessToken.Split('.');
        _api.Token = parts[0] + "." + parts[1] + "." + Base64Url.EncodeToString(new byte[32]);
        Assert.Equal("token_not_valid", (await _api.GetAsync("api/identities/")).Expect(401).ErrorCode);

        _api.Token = _server.AccessToken;
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        (await _api.GetAsync("api/identities/")).Expect(200);
        _time.Advance(TimeSpan.FromSeconds(1));
        var expired = (await _api.GetAsync("api/identities/")).Expect(401);
        Assert.Equal("token_expired", expired.ErrorCode);
        Assert.Equal("Given token not valid for any token type", expired.Str("detail"));
    }

    [Fact]
    public async Task Refresh_rotates_and_the_old_refresh_token_stops_working()
    {
        _server.ExpireAllTokens();
        Assert.Equal("token_expired", (await _api.GetAsync("api/auth/user/")).Expect(401).ErrorCode);

        var first = (await _api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = _server.RefreshToken })).Expect(200).Object;
        var newRefresh = first["refresh"]!.GetValue<string>();
        Assert.NotEqual(_server.RefreshToken, newRefresh);
        _api.Token = first["access"]!.GetValue<string>();
        (await _api.GetAsync("api/auth/user/")).Expect(200);

        var reused = (await _api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = _server.RefreshToken })).Expect(401);
        Assert.Equal("token_not_valid", reused.ErrorCode);
        (await _api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = newRefresh })).Expect(200);
        Assert.Equal("refresh", (await _api.PostAsync("api/auth/token/refresh/", "{}")).Expect(400).Object.First().Key);

        Assert.Equal(4, _server.RefreshCallCount);
    }

    [Fact]
    public async Task Revoked_refresh_tokens_and_access_tokens_as_refresh_tokens_are_rejected()
    {
        (await _api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = _server.AccessToken })).Expect(401);
        _server.RevokeRefreshTokens();
        (await _api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = _server.RefreshToken })).Expect(401);
        var fresh = _server.IssueTokens();
        (await _api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = fresh.RefreshToken })).Expect(200);
    }

    [Fact]
    public async Task Logout_invalidates_the_users_access_and_refresh_tokens()
    {
        var other = _server.IssueTokens();
        (await _api.PostAsync("api/auth/logout/")).Expect(200);

        Assert.Equal("token_not_valid", (await _api.GetAsync("api/auth/user/")).Expect(401).ErrorCode);
        _api.Token = other.AccessToken;
        (await _api.GetAsync("api/auth/user/")).Expect(401);
        (await _api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = other.RefreshToken })).Expect(401);
    }

    [Fact]
    public async Task Api_keys_are_accepted_and_never_expire()
    {
        _api.Token = _server.CreateApiKey();
        Assert.StartsWith("ravi_mgmt_", _api.Token);
        _server.ExpireAllTokens();
        _time.Advance(TimeSpan.FromDays(30));
        (await _api.GetAsync("api/auth/user/")).Expect(200);

        _api.Token = "ravi_mgmt_unknown";
        (await _api.GetAsync("api/auth/user/")).Expect(401);
    }

    [Fact]
    public async Task Device_flow_goes_pending_slow_down_approved_then_used()
    {
        _api.Token = null;
        var start = (await _api.PostAsync("api/auth/device/", "{}")).Expect(200).Object;
        var deviceCode = start["device_code"]!.GetValue<string>();
        var userCode = start["user_code"]!.GetValue<string>();
        Assert.Equal(5, start["interval"]!.GetValue<int>());
        Assert.Equal(900, start["expires_in"]!.GetValue<int>());
        Assert.EndsWith("/device", start["verification_uri"]!.GetValue<string>());
        Assert.Equal([userCode], _server.PendingDeviceUserCodes);

        async Task<ApiResponse> Poll() => await _api.PostAsync("api/auth/device/token/", new JsonObject { ["device_code"] = deviceCode });

        Assert.Equal("authorization_pending", (await Poll()).Expect(400).Str("error"));
        _time.Advance(TimeSpan.FromSeconds(4));
        var slow = (await Poll()).Expect(400);
        Assert.Equal("slow_down", slow.Str("error"));
        Assert.Contains("10", slow.Str("error_description"));

        _time.Advance(TimeSpan.FromSeconds(9)); // interval is now 10 s: still too fast, and it grows again
        Assert.Equal("slow_down", (await Poll()).Expect(400).Str("error"));
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("authorization_pending", (await Poll()).Expect(400).Str("error"));

        _server.ApproveDevice(userCode.ToLowerInvariant());
        _time.Advance(TimeSpan.FromSeconds(15));
        var tokens = (await Poll()).Expect(200).Object;
        Assert.Equal(_server.UserEmail, tokens["user"]!["email"]!.GetValue<string>());
        _api.Token = tokens["access"]!.GetValue<string>();
        (await _api.GetAsync("api/auth/user/")).Expect(200);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("invalid_grant", (await Poll()).Expect(400).Str("error"));
    }

    [Fact]
    public async Task Device_flow_denied_expired_and_malformed()
    {
        _api.Token = null;
        var denied = (await _api.PostAsync("api/auth/device/")).Expect(200).Object;
        var expired = (await _api.PostAsync("api/auth/device/")).Expect(200).Object;
        _server.DenyDevice(denied["user_code"]!.GetValue<string>());

        var deny = (await _api.PostAsync("api/auth/device/token/", new JsonObject { ["device_code"] = denied["device_code"]!.GetValue<string>() })).Expect(400);
        Assert.Equal("access_denied", deny.Str("error"));

        _server.ExpireDeviceCodes();
        var expiry = (await _api.PostAsync("api/auth/device/token/", new JsonObject { ["device_code"] = expired["device_code"]!.GetValue<string>() })).Expect(400);
        Assert.Equal("expired_token", expiry.Str("error"));
        Assert.NotNull(expiry.Str("error_description"));

        Assert.Equal("invalid_request", (await _api.PostAsync("api/auth/device/token/", "{\"device_code\": 5}")).Expect(400).Str("error"));
        Assert.Equal("invalid_grant", (await _api.PostAsync("api/auth/device/token/", new JsonObject { ["device_code"] = "nope" })).Expect(400).Str("error"));
    }
}

public sealed class AuthOptionTests
{
    [Fact]
    public async Task Without_rotation_refresh_returns_only_an_access_token_and_the_refresh_token_stays_valid()
    {
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { RotateRefreshTokens = false, IdentityName = null });
        using var api = new ServerApi(server);

        for (var i = 0; i < 2; i++)
        {
            var body = (await api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = server.RefreshToken })).Expect(200).Object;
            Assert.NotNull(body["access"]);
            Assert.False(body.ContainsKey("refresh"));
        }

        Assert.Equal(2, server.RefreshCallCount);
        Assert.Throws<InvalidOperationException>(() => server.Identity);
    }

    [Fact]
    public async Task Long_token_field_names_are_used_when_asked()
    {
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { UseLongTokenFieldNames = true });
        using var api = new ServerApi(server, token: "");
        api.Token = null;

        var body = (await api.PostAsync("api/auth/login/", new JsonObject { ["email"] = server.UserEmail, ["password"] = server.UserPassword }))
            .Expect(200).Object;
        Assert.NotNull(body["access_token"]);
        Assert.NotNull(body["refresh_token"]);
        Assert.False(body.ContainsKey("access"));
    }
}

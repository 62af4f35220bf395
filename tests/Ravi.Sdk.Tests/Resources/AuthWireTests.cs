using System.Net;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// <c>/api/auth/…</c>: account-level (never <c>X-Ravi-Identity</c>, even on an identity view). The credential
/// exchanges (device, device/token, token/refresh, login) are anonymous: no bearer token is sent with them.
/// </summary>
public sealed class AuthWireTests
{
    [Fact]
    public async Task RequestDeviceCode_posts_empty_object_anonymously_and_parses_every_field()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/device/", Samples.DeviceJson);

        var device = await h.Scoped.Auth.RequestDeviceCodeAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, "api/auth/device/", identity: false, json: "{}", bearer: false);
        ModelAssert.Equivalent(Samples.Device, device);
    }

    [Fact]
    public async Task PollDeviceToken_posts_device_code_and_reads_access_refresh_and_user()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/device/token/", $$"""{"access":"acc-1","refresh":"ref-1","user":{{Samples.UserJson}}}""");

        var tokens = await h.Scoped.Auth.PollDeviceTokenAsync("dev-code-1");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, "api/auth/device/token/", identity: false, json: """{"device_code":"dev-code-1"}""", bearer: false);
        ModelAssert.Equivalent(new RaviTokens { AccessToken = "acc-1", RefreshToken = "ref-1", User = Samples.User }, tokens);
    }

    [Theory]
    [InlineData("authorization_pending")]
    [InlineData("slow_down")]
    [InlineData("expired_token")]
    [InlineData("access_denied")]
    public async Task PollDeviceToken_maps_rfc8628_errors_to_bad_request_with_code(string error)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/device/token/", $$"""{"error":"{{error}}","error_description":"Device flow: {{error}}"}""", HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<RaviBadRequestException>(() => h.Client.Auth.PollDeviceTokenAsync("dev-code-1"));

        Assert.Equal(error, ex.Code);
        Assert.Equal("Device flow: " + error, ex.Detail);
        Assert.Empty(ex.FieldErrors);
    }

    [Fact]
    public async Task RefreshToken_accepts_documented_access_token_name_and_keeps_old_refresh_when_not_rotated()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/token/refresh/", """{"access_token":"acc-2"}""");

        var tokens = await h.Scoped.Auth.RefreshTokenAsync("ref-1");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, "api/auth/token/refresh/", identity: false, json: """{"refresh":"ref-1"}""", bearer: false);
        ModelAssert.Equivalent(new RaviTokens { AccessToken = "acc-2", RefreshToken = "ref-1" }, tokens);
    }

    [Theory]
    [InlineData("""{"access":"acc-3","refresh":"ref-3"}""")]
    [InlineData("""{"access_token":"acc-3","refresh_token":"ref-3"}""")]
    public async Task RefreshToken_uses_rotated_refresh_token_under_either_name(string body)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/token/refresh/", body);

        var tokens = await h.Client.Auth.RefreshTokenAsync("ref-1");

        Assert.Equal("acc-3", tokens.AccessToken);
        Assert.Equal("ref-3", tokens.RefreshToken);
        Assert.Null(tokens.User);
    }

    [Fact]
    public async Task RefreshToken_without_access_token_in_response_is_an_api_error()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/token/refresh/", """{"refresh":"ref-3"}""");

        var ex = await Assert.ThrowsAsync<RaviApiException>(() => h.Client.Auth.RefreshTokenAsync("ref-1"));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public async Task Login_posts_credentials_anonymously()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/login/", $$"""{"access":"acc-1","refresh":"ref-1","user":{{Samples.UserJson}}}""");

        var tokens = await h.Scoped.Auth.LoginAsync("owner@corp.example", "p\"ss<w>rd");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, "api/auth/login/", identity: false, json: """{"email":"owner@corp.example","password":"p\"ss<w>rd"}""", bearer: false);
        ModelAssert.Equivalent(new RaviTokens { AccessToken = "acc-1", RefreshToken = "ref-1", User = Samples.User }, tokens);
    }

    [Fact]
    public async Task Logout_with_refresh_token_posts_it_with_bearer()
    {
        using var h = new WireHarness();
        h.Expect(HttpMethod.Post, "api/auth/logout/").Respond(HttpStatusCode.NoContent);

        await h.Scoped.Auth.LogoutAsync("ref-1");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, "api/auth/logout/", identity: false, json: """{"refresh":"ref-1"}""");
    }

    [Fact]
    public async Task Logout_without_refresh_token_posts_empty_object()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/logout/", "{}");

        await h.Client.Auth.LogoutAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, "api/auth/logout/", identity: false, json: "{}");
    }

    [Fact]
    public async Task GetCurrentUser_gets_user_with_bearer_and_parses_every_field()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/auth/user/", Samples.UserJson);

        var user = await h.Scoped.Auth.GetCurrentUserAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/auth/user/", identity: false);
        ModelAssert.Equivalent(Samples.User, user);
    }
}

using System.Collections.Concurrent;
using System.Net;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

public sealed class DeviceCodeLoginTests : IDisposable
{
    private const string DeviceCode = "device-code-secret-42";
    private readonly ObservableTimeProvider _time = new();
    private readonly ConcurrentQueue<HttpResponseMessage> _pollAnswers = new();
    private readonly StubHandler _handler;
    private readonly DateTimeOffset _start;
    private int _expiresIn = 900;
    private int _interval = 5;

    public DeviceCodeLoginTests()
    {
        _start = _time.GetUtcNow();
        _handler = new StubHandler(r => r.Path switch
        {
            "/api/auth/device/" => StubHandler.Json(HttpStatusCode.OK,
                $$"""{"device_code":"{{DeviceCode}}","user_code":"WDJB-MJHT","verification_uri":"https://ravi.app/device","expires_in":{{_expiresIn}},"interval":{{_interval}}}"""),
            "/api/auth/device/token/" => _pollAnswers.TryDequeue(out var answer) ? answer : Error("authorization_pending"),
            "/api/auth/user/" => StubHandler.Json(HttpStatusCode.OK, """{"id":1,"email":"agent@example.com"}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        }, _time);
    }

    public void Dispose() => _handler.Dispose();

    private static HttpResponseMessage Error(string code) =>
        StubHandler.Json(HttpStatusCode.BadRequest, $$"""{"error":"{{code}}","error_description":"{{code}} description"}""");

    private RaviClient Client(IRaviCredential? credential = null)
    {
        var options = TestClients.Options(_time);
        options.Credential = credential;
        return TestClients.Create(options, _handler);
    }

    private double[] PollTimes() => _handler.Requests.Where(r => r.Path == "/api/auth/device/token/").Select(r => (r.At - _start).TotalSeconds).ToArray();

    [Fact]
    public async Task Pending_then_slow_down_twice_then_success_polls_at_the_right_times_and_signs_in()
    {
        _pollAnswers.Enqueue(Error("authorization_pending"));
        _pollAnswers.Enqueue(Error("slow_down"));
        _pollAnswers.Enqueue(Error("slow_down"));
        _pollAnswers.Enqueue(StubHandler.Json(HttpStatusCode.OK, """{"access":"device-access","refresh":"device-refresh","user":{"id":1,"email":"agent@example.com"}}"""));
        var store = new RaviInMemoryTokenStore();
        using var client = Client(RaviCredential.SignedOut(store));
        DeviceAuthorization? shown = null;

        var login = client.Auth.LoginWithDeviceCodeAsync((code, _) =>
        {
            shown = code;
            return Task.CompletedTask;
        });

        Assert.Equal(TimeSpan.FromSeconds(5), await _time.AdvanceNextTimerAsync());   // wait → pending
        Assert.Equal(TimeSpan.FromSeconds(5), await _time.AdvanceNextTimerAsync());   // wait → slow_down (+5)
        Assert.Equal(TimeSpan.FromSeconds(10), await _time.AdvanceNextTimerAsync());  // wait → slow_down (+5 more)
        Assert.Equal(TimeSpan.FromSeconds(15), await _time.AdvanceNextTimerAsync());  // wait → success
        var tokens = await login;

        Assert.Equal("WDJB-MJHT", shown!.UserCode);
        Assert.Equal([5d, 10d, 20d, 35d], PollTimes());
        Assert.All(_handler.Requests.Where(r => r.Path.StartsWith("/api/auth/device", StringComparison.Ordinal)), r => Assert.Null(r.Authorization));
        Assert.Contains(DeviceCode, _handler.Requests.Last(r => r.Path == "/api/auth/device/token/").Body);
        Assert.Equal("device-access", tokens.AccessToken);
        Assert.Equal("device-refresh", (await store.LoadAsync())!.RefreshToken);

        await client.Auth.GetCurrentUserAsync();
        Assert.Equal("Bearer device-access", _handler.Requests.Last().Authorization);
    }

    [Fact]
    public async Task Success_is_saved_to_the_cli_auth_json()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("auth.json");
        _pollAnswers.Enqueue(StubHandler.Json(HttpStatusCode.OK, """{"access":"device-access","refresh":"device-refresh","user":{"id":1,"email":"agent@example.com"}}"""));
        using var client = Client(RaviCredential.SignedOut(new RaviCliTokenStore(path)));

        var login = client.Auth.LoginWithDeviceCodeAsync(new Progress<DeviceAuthorization>());
        await _time.AdvanceNextTimerAsync();
        await login;

        var file = RaviCliAuthFile.TryRead(path)!;
        Assert.Equal("device-access", file.AccessToken);
        Assert.Equal("device-refresh", file.RefreshToken);
        Assert.Equal("agent@example.com", file.UserEmail);
    }

    [Fact]
    public async Task Expired_token_from_the_server_is_a_clear_authentication_error()
    {
        _pollAnswers.Enqueue(Error("authorization_pending"));
        _pollAnswers.Enqueue(Error("expired_token"));
        using var client = Client();

        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        await _time.AdvanceNextTimerAsync();
        await _time.AdvanceNextTimerAsync();
        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => login);

        Assert.Equal("expired_token", ex.Code);
        Assert.Contains("expired", ex.Message);
        Assert.DoesNotContain(DeviceCode, ex.ToString());
    }

    [Fact]
    public async Task Access_denied_is_an_authentication_error()
    {
        _pollAnswers.Enqueue(Error("access_denied"));
        using var client = Client();

        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        await _time.AdvanceNextTimerAsync();
        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => login);

        Assert.Equal("access_denied", ex.Code);
        Assert.Contains("denied", ex.Message);
    }

    [Fact]
    public async Task Polling_stops_when_the_code_expires_locally()
    {
        _expiresIn = 12;
        using var client = Client();

        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        await _time.AdvanceNextTimerAsync(); // t=5 pending
        await _time.AdvanceNextTimerAsync(); // t=10 pending; the next poll (t=15) would be past expiry
        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => login);

        Assert.Equal("expired_token", ex.Code);
        Assert.Equal([5d, 10d], PollTimes());
    }

    [Fact]
    public async Task Cancellation_while_waiting_stops_at_once()
    {
        using var client = Client();
        using var cts = new CancellationTokenSource();

        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask, cancellationToken: cts.Token);
        await _time.AdvanceNextTimerAsync(); // one pending poll
        await _time.NextTimerAsync();        // now waiting for the next one
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => login.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Single(PollTimes());
    }

    [Fact]
    public async Task Missing_interval_defaults_to_five_seconds_and_transient_errors_keep_polling()
    {
        _interval = 0;
        _pollAnswers.Enqueue(StubHandler.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>"));
        _pollAnswers.Enqueue(StubHandler.Json(HttpStatusCode.OK, """{"access_token":"a","refresh_token":"r"}"""));
        using var client = Client();

        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        Assert.Equal(TimeSpan.FromSeconds(5), await _time.AdvanceNextTimerAsync());
        Assert.Equal(TimeSpan.FromSeconds(5), await _time.AdvanceNextTimerAsync());

        Assert.Equal("a", (await login).AccessToken);
        Assert.Equal([5d, 10d], PollTimes());
    }

    [Fact]
    public async Task Password_login_updates_the_credential_and_logout_clears_it()
    {
        var handler = new StubHandler(r => r.Path switch
        {
            "/api/auth/login/" => StubHandler.Json(HttpStatusCode.OK, """{"access":"pw-access","refresh":"pw-refresh"}"""),
            "/api/auth/logout/" => new HttpResponseMessage(HttpStatusCode.NoContent),
            _ => StubHandler.Json(HttpStatusCode.OK, """{"id":1,"email":"agent@example.com"}"""),
        });
        var store = new RaviInMemoryTokenStore();
        var options = TestClients.Options(_time);
        options.Credential = RaviCredential.SignedOut(store);
        using var client = TestClients.Create(options, handler);

        await client.Auth.LoginAsync("agent@example.com", "hunter2");
        await client.ForIdentity(TestClients.Identity).Auth.GetCurrentUserAsync(); // views share the credential
        Assert.Equal("Bearer pw-access", handler.Requests.Last().Authorization);
        Assert.Equal("pw-access", (await store.LoadAsync())!.AccessToken);

        await client.Auth.LogoutAsync();
        var logout = handler.Requests.Single(r => r.Path == "/api/auth/logout/");
        Assert.Equal("Bearer pw-access", logout.Authorization);
        Assert.Contains("pw-refresh", logout.Body);
        Assert.Null(await store.LoadAsync());

        await client.Auth.GetCurrentUserAsync();
        Assert.Null(handler.Requests.Last().Authorization);
    }
}

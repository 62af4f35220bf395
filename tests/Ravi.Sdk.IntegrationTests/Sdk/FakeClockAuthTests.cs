using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Token lifetimes and device-flow polling, with one <see cref="FakeTimeProvider"/> shared by the server and the client.
/// The client runs without attempt/overall timeouts, so advancing the clock never cuts a loopback request in flight.
/// </summary>
public abstract class FakeClockAuthTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : FakeClockAuthTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : FakeClockAuthTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private readonly ObservableTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override RaviTestServerOptions CreateServerOptions() => new()
    {
        TimeProvider = _time,
        AccessTokenLifetime = TimeSpan.FromMinutes(5),
        DevicePollInterval = TimeSpan.FromSeconds(2),
    };

    private RaviClient CreateFakeClockClient(Action<RaviClientOptions>? configure = null) => CreateClient(o =>
    {
        o.TimeProvider = _time;
        o.AttemptTimeout = Timeout.InfiniteTimeSpan;
        o.OverallTimeout = Timeout.InfiniteTimeSpan;
        o.TokenRefreshSkew = TimeSpan.FromSeconds(60);
        configure?.Invoke(o);
    });

    [Fact]
    public async Task The_token_is_renewed_proactively_inside_the_skew_window_without_a_401()
    {
        var client = CreateFakeClockClient();
        await client.Subscription.GetAsync();
        _time.Advance(TimeSpan.FromMinutes(3));
        await client.Subscription.GetAsync();
        Assert.Equal(0, Server.RefreshCallCount);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // 59 s left: inside the 60 s skew
        await client.Subscription.GetAsync();
        Assert.Equal(1, Server.RefreshCallCount);

        _time.Advance(TimeSpan.FromMinutes(2)); // the renewed token has 3 min left
        await client.Subscription.GetAsync();
        Assert.Equal(1, Server.RefreshCallCount);

        var gets = RequestsTo("GET", "/api/subscription/");
        Assert.All(gets, r => Assert.Equal(200, r.StatusCode)); // never a 401
        Assert.Equal($"Bearer {Server.AccessToken}", gets[1].Header("Authorization"));
        Assert.NotEqual(gets[1].Header("Authorization"), gets[2].Header("Authorization"));
        Assert.Equal(gets[2].Header("Authorization"), gets[3].Header("Authorization"));
        var refresh = Assert.Single(RequestsTo("POST", "/api/auth/token/refresh/"));
        Assert.True(refresh.Sequence < gets[2].Sequence);
    }

    [Fact]
    public async Task A_token_that_expired_while_idle_is_renewed_before_the_request_is_sent()
    {
        var client = CreateFakeClockClient();
        _time.Advance(TimeSpan.FromMinutes(10));

        await client.Subscription.GetAsync();

        Assert.Equal(1, Server.RefreshCallCount);
        Assert.Equal([200], RequestsTo("GET", "/api/subscription/").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Device_code_login_polls_at_the_server_interval_until_approved()
    {
        var client = CreateFakeClockClient(o =>
        {
            o.AccessToken = null;
            o.RefreshToken = null;
        });
        DeviceAuthorization? shown = null;
        var login = client.Auth.LoginWithDeviceCodeAsync((authorization, _) =>
        {
            shown = authorization;
            Assert.Contains(authorization.UserCode, Server.PendingDeviceUserCodes);
            return Task.CompletedTask;
        });

        // Each poll waits exactly the server's 2 s interval (the SDK arms that timer, the test moves the clock by it);
        // the user approves while the SDK waits before its third poll.
        for (var poll = 1; poll <= 3; poll++)
        {
            await _time.WaitUntilArmedAsync(TimeSpan.FromSeconds(2));
            Assert.False(login.IsCompleted);
            if (poll == 3)
            {
                Server.ApproveDevice(shown!.UserCode);
            }

            _time.Advance(TimeSpan.FromSeconds(2));
        }

        var tokens = await login.WaitAsync(TimeSpan.FromSeconds(10)); // a hang guard
        Assert.Equal(Server.UserEmail, tokens.User?.Email);
        Assert.Equal(TimeSpan.FromSeconds(2), shown!.Interval);
        Assert.Equal(Server.UserEmail, (await client.Auth.GetCurrentUserAsync()).Email);
        Assert.Equal($"Bearer {tokens.AccessToken}", RequestsTo("GET", "/api/auth/user/")[^1].Header("Authorization"));

        // Every poll waited the server's interval (so the server never had to answer slow_down), and the first one too.
        var start = Assert.Single(RequestsTo("POST", "/api/auth/device/"));
        var polls = RequestsTo("POST", "/api/auth/device/token/");
        Assert.Equal([400, 400, 200], polls.Select(p => p.StatusCode));
        var times = new[] { start.ReceivedAt }.Concat(polls.Select(p => p.ReceivedAt)).ToList();
        for (var i = 1; i < times.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(2), times[i] - times[i - 1]);
        }

        Assert.All(polls, p => Assert.Null(p.Header("Authorization")));
        Assert.Empty(Server.PendingDeviceUserCodes);
    }

    [Fact]
    public async Task Polling_faster_than_the_interval_is_slow_down_and_an_expired_code_ends_the_login()
    {
        var client = CreateFakeClockClient(o =>
        {
            o.AccessToken = null;
            o.RefreshToken = null;
        });
        var authorization = await client.Auth.RequestDeviceCodeAsync();
        var pending = await Assert.ThrowsAsync<RaviBadRequestException>(() => client.Auth.PollDeviceTokenAsync(authorization.DeviceCode));
        Assert.Equal("authorization_pending", pending.Code);
        var slowDown = await Assert.ThrowsAsync<RaviBadRequestException>(() => client.Auth.PollDeviceTokenAsync(authorization.DeviceCode));
        Assert.Equal("slow_down", slowDown.Code);

        // A login whose code expires before approval fails with RaviAuthenticationException (expired_token).
        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        await _time.WaitUntilArmedAsync(TimeSpan.FromSeconds(2)); // the first poll waits the interval
        _time.Advance(TimeSpan.FromSeconds(2));
        await _time.WaitUntilArmedAsync(TimeSpan.FromSeconds(2)); // still pending: the SDK waits again
        Assert.Equal(3, RequestsTo("POST", "/api/auth/device/token/").Count);
        Server.ExpireDeviceCodes();
        _time.Advance(TimeSpan.FromSeconds(2));

        var expired = await Assert.ThrowsAsync<RaviAuthenticationException>(() => login.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("expired_token", expired.Code);
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());
    }
}

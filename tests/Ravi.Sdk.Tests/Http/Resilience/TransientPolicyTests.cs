using System.Net;
using System.Net.Http.Headers;
using Ravi.Sdk.Http;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Resilience;

/// <summary>
/// Item 2 of issue 13: one transient policy — one classifier (<see cref="RaviRetryClassifier"/>), one Retry-After reader
/// (<see cref="RaviRetryAfter"/>) and one backoff (<see cref="RaviBackoff"/>, Polly's delay generator) — used by the HTTP
/// retries, event-stream reconnects, OTP polling and device-flow polling: a server's Retry-After on a poll is honoured as on
/// a request. Fake clock throughout: every wait is read off the timer the code creates.
/// </summary>
public sealed class TransientPolicyTests : IDisposable
{
    private const string Conversation = """{"conversation_id":"conv-1","from_number":"+1555","preview":"…","message_count":1,"unread_count":1,"latest_message_dt":"2026-03-01T12:00:00+00:00"}""";
    private const string ConversationDetail = """{"conversation_id":"conv-1","from_number":"+1555","message_count":1,"messages":[{"id":1,"body":"Your code is 424242","direction":"inbound","is_read":false,"created_dt":"2026-03-01T12:00:00+00:00"}]}""";
    private readonly ObservableTimeProvider _time = new();
    private StubHandler? _handler;

    public void Dispose() => _handler?.Dispose();

    [Fact]
    public void The_backoff_grows_by_its_factor_up_to_the_cap_with_jitter_in_the_upper_half()
    {
        var backoff = new RaviBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
        for (var failures = 1; failures <= 6; failures++)
        {
            var full = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), 8));
            for (var i = 0; i < 20; i++)
            {
                Assert.InRange(backoff.Delay(failures), full / 2, full);
            }
        }

        var polls = new RaviBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), factor: 1.5, jitter: false);
        Assert.Equal([1, 1.5, 2.25, 3.375, 5, 5], Enumerable.Range(1, 6).Select(n => polls.Delay(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(9), RaviBackoff.Honour(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(9)));
        Assert.Equal(TimeSpan.FromSeconds(2), RaviBackoff.Honour(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), RaviBackoff.Honour(TimeSpan.FromSeconds(2), null));
    }

    [Fact]
    public void One_classifier_decides_what_is_transient()
    {
        Assert.All(new[] { 408, 429, 500, 502, 503, 504 }, s => Assert.True(RaviRetryClassifier.IsTransient(Api(s)), s.ToString()));
        Assert.All(new[] { 400, 401, 403, 404, 409, 501, 505 }, s => Assert.False(RaviRetryClassifier.IsTransient(Api(s)), s.ToString()));
        Assert.True(RaviRetryClassifier.IsTransient(new RaviConnectionException("down", 4, null)));
        Assert.True(RaviRetryClassifier.IsTransient(new RaviRequestTimeoutException(RaviTimeoutKind.Attempt, TimeSpan.FromSeconds(1), "GET /api/x/", 1)));
        Assert.True(RaviRetryClassifier.IsTransient(new HttpRequestException("reset")));
        Assert.True(RaviRetryClassifier.IsTransient(new IOException("reset")));
        Assert.True(RaviRetryClassifier.IsTransient(new TaskCanceledException("HttpClient.Timeout")));
        Assert.False(RaviRetryClassifier.IsTransient(new RaviException("a handler failed")));
        Assert.False(RaviRetryClassifier.IsTransient(new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task A_Retry_After_on_a_device_flow_poll_is_honoured_as_on_a_request()
    {
        var polls = 0;
        var users = 0;
        using var client = Client(o => o.MaxRetries = 1, r => r.Path switch
        {
            "/api/auth/user/" => ++users == 1 ? Limited(12) : StubHandler.Json(HttpStatusCode.OK, """{"id":1,"email":"agent@example.com"}"""),
            "/api/auth/device/" => StubHandler.Json(HttpStatusCode.OK,
                """{"device_code":"dc","user_code":"WDJB-MJHT","verification_uri":"https://ravi.app/device","expires_in":900,"interval":5}"""),
            "/api/auth/device/token/" => ++polls <= 2 ? Limited(12) : StubHandler.Json(HttpStatusCode.OK, """{"access":"device-access","refresh":"device-refresh"}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });

        var user = client.Auth.GetCurrentUserAsync();
        Assert.Equal(TimeSpan.FromSeconds(12), await _time.AdvanceNextTimerAsync()); // the request's retry waits Retry-After
        await user;

        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        Assert.Equal(TimeSpan.FromSeconds(5), await _time.AdvanceNextTimerAsync());  // the interval
        Assert.Equal(TimeSpan.FromSeconds(12), await _time.AdvanceNextTimerAsync()); // the poll's own retry: Retry-After
        Assert.Equal(TimeSpan.FromSeconds(12), await _time.AdvanceNextTimerAsync()); // the loop: Retry-After, not the 5 s interval
        var tokens = await login;

        Assert.Equal("device-access", tokens.AccessToken);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task A_5xx_with_Retry_After_on_a_device_flow_poll_delays_the_next_poll()
    {
        var polls = 0;
        using var client = Client(o => o.MaxRetries = 0, r => r.Path switch
        {
            "/api/auth/device/" => StubHandler.Json(HttpStatusCode.OK,
                """{"device_code":"dc","user_code":"WDJB-MJHT","verification_uri":"https://ravi.app/device","expires_in":900,"interval":5}"""),
            "/api/auth/device/token/" => ++polls == 1 ? Unavailable(20) : StubHandler.Json(HttpStatusCode.OK, """{"access":"device-access","refresh":"device-refresh"}"""),
            "/api/auth/user/" => StubHandler.Json(HttpStatusCode.OK, """{"id":1,"email":"agent@example.com"}"""),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });

        var login = client.Auth.LoginWithDeviceCodeAsync((_, _) => Task.CompletedTask);
        Assert.Equal(TimeSpan.FromSeconds(5), await _time.AdvanceNextTimerAsync());
        Assert.Equal(TimeSpan.FromSeconds(20), await _time.AdvanceNextTimerAsync());
        await login;

        Assert.Equal(2, polls);
    }

    [Fact]
    public async Task A_Retry_After_on_an_OTP_poll_delays_the_next_poll()
    {
        var lists = 0;
        using var client = Client(o =>
        {
            o.MaxRetries = 0;
            o.IdentityUuid = TestClients.Identity;
        }, r => r.Path switch
        {
            "/api/sms-inbox/" => ++lists == 1 ? Limited(30) : StubHandler.Json(HttpStatusCode.OK, "[" + Conversation + "]"),
            "/api/sms-inbox/conv-1/" => StubHandler.Json(HttpStatusCode.OK, ConversationDetail),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });

        var wait = client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions
        {
            Transport = OtpTransport.Polling,
            Timeout = TimeSpan.FromMinutes(2),
            PollInterval = TimeSpan.FromSeconds(1),
            Since = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero),
        });

        Assert.Equal(TimeSpan.FromMinutes(2), await _time.NextTimerAsync()); // the wait's own timeout
        Assert.Equal(TimeSpan.FromSeconds(30), await _time.AdvanceNextTimerAsync()); // not the 1 s interval
        var code = await wait;

        Assert.Equal("424242", code.Code);
        Assert.Equal(2, lists);
    }

    private static RaviApiException Api(int status) => new($"status {status}", new RaviErrorDetails { StatusCode = (HttpStatusCode)status });

    private static HttpResponseMessage Limited(int seconds)
    {
        var response = StubHandler.Json(HttpStatusCode.TooManyRequests, """{"detail":"slow down"}""");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    private static HttpResponseMessage Unavailable(int seconds)
    {
        var response = StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"detail":"maintenance"}""");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    private RaviClient Client(Action<RaviClientOptions> configure, Func<StubRequest, HttpResponseMessage> respond)
    {
        _handler = new StubHandler(respond, _time);
        var options = TestClients.Options(_time);
        configure(options);
        return TestClients.Create(options, _handler);
    }
}

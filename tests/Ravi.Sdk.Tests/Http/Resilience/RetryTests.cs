using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Ravi.Sdk.Http;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Resilience;

public sealed class RetryTests : IDisposable
{
    private const string MessageJson = """{"id":5,"subject":"hi","to_email":"x@example.com"}""";
    private const string IdentityJson = """[{"uuid":"3f2b8c1e-1111-4222-8333-944455556666","name":"bot"}]""";
    private readonly ObservableTimeProvider _time = new();
    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly StubHandler _handler;

    public RetryTests()
    {
        _handler = new StubHandler((_, r, ct) => _script.TryDequeue(out var next)
            ? next(ct)
            : Task.FromResult(StubHandler.Json(HttpStatusCode.OK, r.Path.Contains("compose") ? MessageJson : IdentityJson)), _time);
    }

    public void Dispose() => _handler.Dispose();

    private void Then(HttpResponseMessage response) => _script.Enqueue(_ => Task.FromResult(response));

    private void ThenThrow(Exception exception) => _script.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));

    private void ThenHang() => _script.Enqueue(async ct =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    });

    private RaviClient Client(Action<RaviClientOptions>? configure = null)
    {
        var options = TestClients.Options(_time, "ravi_id_static-key");
        options.MaxRetries = 3;
        configure?.Invoke(options);
        return TestClients.Create(options, _handler).ForIdentity(TestClients.Identity);
    }

    private static ComposeEmailRequest Email => new() { To = "someone@example.com", Subject = "s", Body = "b" };

    private static HttpResponseMessage Status(HttpStatusCode status, string json = """{"detail":"try later"}""") => StubHandler.Json(status, json);

    private int Sent(string method) => _handler.Requests.Count(r => r.Method == method);

    [Fact]
    public async Task Get_503_is_retried_until_success()
    {
        Then(Status(HttpStatusCode.ServiceUnavailable));
        Then(Status(HttpStatusCode.ServiceUnavailable));
        var client = Client();

        var identities = await client.Identities.ListAsync().ToListAsync();

        Assert.Single(identities);
        Assert.Equal(3, Sent("GET"));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Get_transient_statuses_are_retried(HttpStatusCode status)
    {
        Then(Status(status));
        await Client().Identities.ListAsync().ToListAsync();
        Assert.Equal(2, Sent("GET"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Get_non_transient_statuses_are_not_retried(HttpStatusCode status)
    {
        Then(Status(status));
        await Assert.ThrowsAnyAsync<RaviApiException>(() => Client().Identities.ListAsync().ToListAsync().AsTask());
        Assert.Equal(1, Sent("GET"));
    }

    [Fact]
    public async Task Retries_give_up_after_MaxRetries_and_the_error_body_is_still_readable()
    {
        for (var i = 0; i < 5; i++)
        {
            Then(Status(HttpStatusCode.ServiceUnavailable, """{"detail":"maintenance","code":"down"}"""));
        }

        var ex = await Assert.ThrowsAsync<RaviServerException>(() => Client(o => o.MaxRetries = 2).Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(3, Sent("GET"));
        Assert.Equal("maintenance", ex.Detail);
        Assert.Equal("down", ex.Code);
    }

    [Fact]
    public async Task Backoff_delays_are_exponential_with_jitter_and_capped()
    {
        for (var i = 0; i < 5; i++)
        {
            Then(Status(HttpStatusCode.ServiceUnavailable, "{}"));
        }

        var client = Client(o =>
        {
            o.MaxRetries = 5;
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(4);
        });
        var list = client.Identities.ListAsync().ToListAsync().AsTask();
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            delays.Add(await _time.AdvanceNextTimerAsync());
        }

        await list;
        Assert.Equal(6, Sent("GET"));
        // Equal jitter: each wait lies in the upper half of min(1 s × 2^(n−1), 4 s), so the bands are [0.5, 1), [1, 2), then [2, 4).
        double[] nominal = [1, 2, 4, 4, 4];
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i], TimeSpan.FromSeconds(nominal[i] / 2), TimeSpan.FromSeconds(nominal[i]));
        }

        Assert.True(delays.Skip(2).Distinct().Count() > 1, "jittered delays differ"); // three draws from [2, 4 s) all equal: ~never
    }

    [Fact]
    public async Task Post_compose_500_is_not_retried_so_an_email_is_never_sent_twice()
    {
        Then(Status(HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<RaviServerException>(() => Client().EmailMessages.ComposeAsync(Email));

        Assert.Equal(1, Sent("POST"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Post_compose_is_not_retried_on_any_5xx_or_408(HttpStatusCode status)
    {
        Then(Status(status));
        await Assert.ThrowsAnyAsync<RaviApiException>(() => Client().EmailMessages.ComposeAsync(Email));
        Assert.Equal(1, Sent("POST"));
    }

    [Fact]
    public async Task Post_429_is_retried_after_retry_after_seconds()
    {
        Then(Status(HttpStatusCode.TooManyRequests, """{"detail":"Slow down","retry_after_seconds":7}"""));
        var client = Client(o => o.RetryBaseDelay = TimeSpan.FromSeconds(1));

        var send = client.EmailMessages.ComposeAsync(Email);
        var waited = await _time.NextTimerAsync();
        Assert.Equal(1, Sent("POST"));
        _time.Advance(waited);
        var message = await send;

        Assert.Equal(TimeSpan.FromSeconds(7), waited);
        Assert.Equal(5, message.Id);
        var posts = _handler.Requests.Where(r => r.Method == "POST").ToArray();
        Assert.Equal(2, posts.Length);
        Assert.Equal(TimeSpan.FromSeconds(7), posts[1].At - posts[0].At);
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task Retry_after_http_date_header_is_honoured()
    {
        var response = Status(HttpStatusCode.ServiceUnavailable, "<html>down</html>");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow() + TimeSpan.FromSeconds(20));
        Then(response);

        var list = Client().Identities.ListAsync().ToListAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(20), await _time.AdvanceNextTimerAsync());
        await list;

        Assert.Equal(2, Sent("GET"));
    }

    [Fact]
    public async Task Retry_after_delta_header_is_honoured()
    {
        var response = Status(HttpStatusCode.TooManyRequests, "");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        Then(response);

        var list = Client().Identities.ListAsync().ToListAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(3), await _time.AdvanceNextTimerAsync());
        await list;
    }

    [Fact]
    public async Task Retry_after_longer_than_MaxRetryDelay_is_not_waited_for()
    {
        Then(Status(HttpStatusCode.TooManyRequests, """{"detail":"Hourly limit","retry_after_seconds":1800}"""));

        var ex = await Assert.ThrowsAsync<RaviRateLimitException>(() => Client().EmailMessages.ComposeAsync(Email));

        Assert.Equal(TimeSpan.FromSeconds(1800), ex.RetryAfter);
        Assert.Equal(1, Sent("POST"));
        Assert.False(_time.HasPendingTimer);
    }

    [Fact]
    public async Task Post_connection_refused_before_sending_is_retried()
    {
        ThrowConnectionRefused();

        var message = await Client().EmailMessages.ComposeAsync(Email);

        Assert.Equal(5, message.Id);
        Assert.Equal(2, Sent("POST"));
    }

    [Fact]
    public async Task Post_connection_refused_from_a_custom_transport_with_only_a_socket_error_is_retried()
    {
        ThenThrow(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));

        await Client().EmailMessages.ComposeAsync(Email);

        Assert.Equal(2, Sent("POST"));
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.Unknown)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public async Task Post_failure_after_the_request_may_have_been_sent_is_not_retried(HttpRequestError error)
    {
        ThenThrow(new HttpRequestException(error, "connection reset", new IOException("reset")));

        var ex = await Assert.ThrowsAsync<RaviConnectionException>(() => Client().EmailMessages.ComposeAsync(Email));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(1, Sent("POST"));
    }

    [Fact]
    public async Task Get_transport_errors_are_retried()
    {
        ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"));
        ThenThrow(new IOException("broken pipe"));

        await Client().Identities.ListAsync().ToListAsync();

        Assert.Equal(3, Sent("GET"));
    }

    [Fact]
    public async Task Post_marked_idempotent_is_retried_like_a_get()
    {
        Then(Status(HttpStatusCode.ServiceUnavailable));
        var client = Client();
        var request = client.Scope.Pipeline.Requests.Create(HttpMethod.Post, "api/identities/", IdentityScope.None, null);
        request.Options.Set(RaviHeaders.IdempotentPost, true);

        await client.Scope.Pipeline.SendAsync(request, CancellationToken.None);

        Assert.Equal(2, Sent("POST"));
    }

    [Fact]
    public async Task Attempt_timeout_on_a_post_is_not_retried_and_says_which_timeout()
    {
        ThenHang();
        var client = Client(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var send = client.EmailMessages.ComposeAsync(Email);
        Assert.Equal(TimeSpan.FromSeconds(2), await _time.AdvanceNextTimerAsync());
        var ex = await Assert.ThrowsAsync<RaviRequestTimeoutException>(() => send);

        Assert.Equal(RaviTimeoutKind.Attempt, ex.Kind);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.Timeout);
        Assert.Contains("AttemptTimeout", ex.Message);
        Assert.Contains("POST /api/email-messages/compose/", ex.Message);
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Equal(1, Sent("POST"));
    }

    [Fact]
    public async Task Attempt_timeout_on_a_get_is_retried()
    {
        ThenHang();
        var client = Client(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var list = client.Identities.ListAsync().ToListAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(2), await _time.AdvanceNextTimerAsync());
        var identities = await list;

        Assert.Single(identities);
        Assert.Equal(2, Sent("GET"));
    }

    [Fact]
    public async Task Overall_timeout_ends_the_call_and_says_so()
    {
        ThenHang();
        var client = Client(o => o.OverallTimeout = TimeSpan.FromSeconds(3));

        var list = client.Identities.ListAsync().ToListAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(3), await _time.AdvanceNextTimerAsync());
        var ex = await Assert.ThrowsAsync<RaviRequestTimeoutException>(() => list);

        Assert.Equal(RaviTimeoutKind.Overall, ex.Kind);
        Assert.Contains("OverallTimeout", ex.Message);
    }

    [Fact]
    public async Task Server_retry_after_that_would_pass_the_overall_timeout_returns_the_error_instead_of_waiting()
    {
        Then(Status(HttpStatusCode.TooManyRequests, """{"retry_after_seconds":50}"""));
        var client = Client(o => o.OverallTimeout = TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<RaviRateLimitException>(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(TimeSpan.FromSeconds(50), ex.RetryAfter);
        Assert.Equal(1, Sent("GET"));
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_stops_at_once()
    {
        Then(Status(HttpStatusCode.ServiceUnavailable, """{"retry_after_seconds":30}"""));
        using var cts = new CancellationTokenSource();
        var client = Client();

        var list = client.Identities.ListAsync(cancellationToken: cts.Token).ToListAsync(cts.Token).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(30), await _time.NextTimerAsync());
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => list.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, Sent("GET"));
    }

    [Fact]
    public async Task Cancellation_during_an_attempt_is_an_OperationCanceledException_not_a_timeout()
    {
        ThenHang();
        using var cts = new CancellationTokenSource();
        var client = Client(o => o.AttemptTimeout = TimeSpan.FromSeconds(30));

        var list = client.Identities.ListAsync(cancellationToken: cts.Token).ToListAsync(cts.Token).AsTask();
        await _time.NextTimerAsync();
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => list.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.IsNotType<RaviRequestTimeoutException>(ex);
        Assert.Equal(1, Sent("GET"));
    }

    [Fact]
    public async Task Streaming_requests_bypass_timeouts_and_retries()
    {
        Then(Status(HttpStatusCode.ServiceUnavailable));
        var client = Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.OverallTimeout = TimeSpan.FromSeconds(2);
        });
        var request = client.Scope.Pipeline.Requests.Create(HttpMethod.Get, "api/events/stream/", IdentityScope.Required, TestClients.Identity);
        request.Options.Set(RaviHeaders.Streaming, true);

        await Assert.ThrowsAsync<RaviServerException>(() => client.Scope.Pipeline.SendForResponseAsync(request, CancellationToken.None));

        Assert.Equal(1, Sent("GET"));
        Assert.False(_time.HasPendingTimer);
    }

    [Fact]
    public async Task Failed_responses_are_disposed_between_attempts()
    {
        var first = new TrackingContent("""{"detail":"busy"}""");
        var second = new TrackingContent("""{"detail":"busy"}""");
        Then(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = first });
        Then(new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = second });

        await Client().Identities.ListAsync().ToListAsync();

        Assert.True(first.Disposed);
        Assert.True(second.Disposed);
        Assert.Equal(3, Sent("GET"));
    }

    [Fact]
    public async Task MaxRetries_zero_disables_retries()
    {
        Then(Status(HttpStatusCode.ServiceUnavailable));
        await Assert.ThrowsAsync<RaviServerException>(() => Client(o => o.MaxRetries = 0).Identities.ListAsync().ToListAsync().AsTask());
        Assert.Equal(1, Sent("GET"));
    }

    private void ThrowConnectionRefused() =>
        ThenThrow(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (ravi.test:443)", new SocketException((int)SocketError.ConnectionRefused)));

    private sealed class TrackingContent(string json) : HttpContent
    {
        private readonly byte[] _bytes = System.Text.Encoding.UTF8.GetBytes(json);

        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

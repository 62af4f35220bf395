using System.Net;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.Events;

public sealed class EventStreamReaderTests : IDisposable
{
    private const string Identity = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private readonly SseTestHandler _handler = new();
    private readonly ObservableTimeProvider _time = new();
    private readonly ObservableTimeProvider _clock;
    private readonly HttpClient _http;
    private readonly RaviClient _client;

    public EventStreamReaderTests()
    {
        _clock = _time;
        _http = new HttpClient(_handler);
        _client = new RaviClient(_http, new RaviClientOptions
        {
            BaseAddress = new Uri("https://ravi.test/"),
            AccessToken = "test-token",
            IdentityUuid = Identity,
            UseCliConfiguration = false,
            TimeProvider = _clock,
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _handler.Dispose();
    }

    [Fact]
    public async Task SendsAStreamingGetWithTheRightHeaders()
    {
        _handler.EnqueueStream().Send("data: x\n\n");
        await using var e = _client.Events.StreamAsync().GetAsyncEnumerator();
        Assert.True(await Next(e));

        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://ravi.test/api/events/stream/", request.Uri.ToString());
        Assert.Equal("text/event-stream", request.Accept);
        Assert.Equal(Identity, request.Identity);
        Assert.Equal("Bearer test-token", request.Authorization);
        Assert.True(request.Streaming);
        Assert.Null(request.LastEventId);
    }

    [Fact]
    public async Task ReconnectsAtTheEndOfTheStreamWithTheIdOfTheLastDispatchedEvent()
    {
        // The third event is cut off before its blank line: its id must not be the resume point.
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\nid: 2\ndata: b\n\nid: 3\ndata: c").End();
        _handler.EnqueueStream().Send("id: 3\ndata: c\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(), 3);

        Assert.Equal(["1", "2", "3"], events.Select(e => e.Id));
        Assert.Equal(["a", "b", "c"], events.Select(e => e.Data));
        Assert.Equal(2, _handler.Requests.Count);
        Assert.Null(_handler.Requests[0].LastEventId);
        Assert.Equal("2", _handler.Requests[1].LastEventId);
    }

    [Fact]
    public async Task ReconnectsAfterANetworkErrorMidEvent()
    {
        _handler.EnqueueStream().Send("id: 7\nevent: sms\ndata: {\"conversation_id\":\"c1\"}\n\nid: 8\ndata: par").Fail(new InvalidOperationException("reset"));
        _handler.EnqueueStream().Send("id: 8\ndata: partial\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(), 2);

        Assert.Equal(["7", "8"], events.Select(e => e.Id));
        Assert.Equal("partial", events[1].Data);
        Assert.Equal("7", _handler.Requests[1].LastEventId);
    }

    [Fact]
    public async Task AnIdOnlyBlockMovesTheResumePoint()
    {
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\nid: 5\n\n").End();
        _handler.EnqueueStream().Send("id: 6\ndata: b\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(), 2);

        Assert.Equal(["1", "6"], events.Select(e => e.Id));
        Assert.Equal("5", _handler.Requests[1].LastEventId);
    }

    [Fact]
    public async Task NoContentEndsTheEnumeration()
    {
        _handler.EnqueueStatus(HttpStatusCode.NoContent, "");
        var events = await TakeAsync(_client.Events.StreamAsync(), 10);
        Assert.Empty(events);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task NoContentOnReconnectEndsTheEnumerationAfterTheEvents()
    {
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\n").End();
        _handler.EnqueueStatus(HttpStatusCode.NoContent, "");
        var events = await TakeAsync(_client.Events.StreamAsync(), 10);
        Assert.Equal(["a"], events.Select(e => e.Data));
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task ServerErrorIsRetriedWithBackoff()
    {
        _handler.EnqueueStatus(HttpStatusCode.InternalServerError);
        _handler.EnqueueStatus(HttpStatusCode.ServiceUnavailable);
        _handler.EnqueueStream().Send("id: 1\ndata: ok\n\n");

        var options = new RaviEventStreamOptions { InitialReconnectDelay = TimeSpan.FromSeconds(1), MaxReconnectDelay = TimeSpan.FromSeconds(10) };
        await using var e = _client.Events.StreamAsync(options).GetAsyncEnumerator();
        var next = e.MoveNextAsync().AsTask();

        var first = await _clock.WaitForTimerAsync(1);
        Assert.InRange(first, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)); // backoff 1 s with jitter
        _time.Advance(first - TimeSpan.FromMilliseconds(1));
        await SettleAsync();
        Assert.Single(_handler.Requests);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _handler.WaitForRequestsAsync(2);

        var second = await _clock.WaitForTimerAsync(2);
        Assert.InRange(second, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)); // doubled
        _time.Advance(second);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("ok", e.Current.Data);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task UnauthorizedIsRetriedThenThrown()
    {
        for (var i = 0; i < 3; i++)
        {
            _handler.EnqueueStatus(HttpStatusCode.Unauthorized, "{\"detail\":\"expired\",\"code\":\"token_expired\"}");
        }

        var options = new RaviEventStreamOptions { InitialReconnectDelay = TimeSpan.Zero, MaxReconnectDelay = TimeSpan.Zero };
        var ex = await Assert.ThrowsAsync<RaviAuthenticationException>(() => TakeAsync(_client.Events.StreamAsync(options), 1));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task ClientErrorsAreThrownNotRetried()
    {
        _handler.EnqueueStatus(HttpStatusCode.Forbidden);
        await Assert.ThrowsAsync<RaviForbiddenException>(() => TakeAsync(_client.Events.StreamAsync(), 1));
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task GivesUpAfterMaxReconnectAttempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _handler.EnqueueStatus(HttpStatusCode.BadGateway);
        }

        var options = new RaviEventStreamOptions { InitialReconnectDelay = TimeSpan.Zero, MaxReconnectDelay = TimeSpan.Zero, MaxReconnectAttempts = 2 };
        await Assert.ThrowsAsync<RaviServerException>(() => TakeAsync(_client.Events.StreamAsync(options), 1));
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task ASilentConnectionIsReplacedAfterTheKeepAliveTimeout()
    {
        var first = _handler.EnqueueStream().Send("id: 1\ndata: a\n\n");
        _handler.EnqueueStream().Send("id: 2\ndata: b\n\n");
        var options = new RaviEventStreamOptions { KeepAliveTimeout = TimeSpan.FromSeconds(60) };

        await using var e = _client.Events.StreamAsync(options).GetAsyncEnumerator();
        Assert.True(await Next(e));
        var next = e.MoveNextAsync().AsTask(); // now reading, with the keepalive timer armed

        _time.Advance(TimeSpan.FromSeconds(59));
        await SettleAsync();
        Assert.False(next.IsCompleted);
        Assert.Single(_handler.Requests);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("b", e.Current.Data);
        Assert.Equal("1", _handler.Requests[1].LastEventId);
        Assert.True(first.IsDisposed);
    }

    [Fact]
    public async Task KeepAliveCommentsKeepTheConnection()
    {
        var stream = _handler.EnqueueStream().Send("id: 1\ndata: a\n\n");
        var options = new RaviEventStreamOptions { KeepAliveTimeout = TimeSpan.FromSeconds(60) };

        await using var e = _client.Events.StreamAsync(options).GetAsyncEnumerator();
        Assert.True(await Next(e));
        var next = e.MoveNextAsync().AsTask();
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            stream.Send(": keepalive\n\n");
            await SettleAsync();
        }

        stream.Send("id: 2\ndata: b\n\n");
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("b", e.Current.Data);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task ASlowConsumerDoesNotTripTheKeepAliveTimer()
    {
        var stream = _handler.EnqueueStream().Send("id: 1\ndata: a\n\n");
        var options = new RaviEventStreamOptions { KeepAliveTimeout = TimeSpan.FromSeconds(60) };

        await using var e = _client.Events.StreamAsync(options).GetAsyncEnumerator();
        Assert.True(await Next(e));
        _time.Advance(TimeSpan.FromMinutes(10)); // the consumer takes its time; no read is pending
        stream.Send("id: 2\ndata: b\n\n");
        Assert.True(await Next(e));
        Assert.Equal("b", e.Current.Data);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task HonoursTheServersRetry()
    {
        _handler.EnqueueStream().Send("retry: 5000\nid: 1\ndata: a\n\n").End();
        _handler.EnqueueStream().Send("id: 2\ndata: b\n\n");

        await using var e = _client.Events.StreamAsync().GetAsyncEnumerator();
        Assert.True(await Next(e));
        var next = e.MoveNextAsync().AsTask();
        Assert.Equal(TimeSpan.FromSeconds(5), await _clock.WaitForTimerAsync(1));
        _time.Advance(TimeSpan.FromSeconds(4.9));
        await SettleAsync();
        Assert.Single(_handler.Requests);

        _time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("b", e.Current.Data);
    }

    [Fact]
    public async Task DisposingTheEnumeratorClosesTheConnectionAtOnce()
    {
        var stream = _handler.EnqueueStream().Send("id: 1\ndata: a\n\n");
        var e = _client.Events.StreamAsync().GetAsyncEnumerator();
        Assert.True(await Next(e));
        Assert.False(stream.IsDisposed);

        await e.DisposeAsync();

        Assert.True(stream.IsDisposed);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task CancellationStopsTheStreamAndClosesTheConnection()
    {
        var stream = _handler.EnqueueStream().Send("id: 1\ndata: a\n\n");
        using var cts = new CancellationTokenSource();
        await using var e = _client.Events.StreamAsync(cancellationToken: cts.Token).GetAsyncEnumerator();
        Assert.True(await Next(e));
        var next = e.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TimeSpan.FromSeconds(10)));
        await stream.Disposed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task ReplayedIdsAreNotYieldedTwice()
    {
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\nid: 2\ndata: b\n\n").End();
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\nid: 2\ndata: b\n\nid: 3\ndata: c\n\n").End(); // server replays from the start
        _handler.EnqueueStream().Send("id: 4\ndata: d\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(), 4);

        Assert.Equal(["1", "2", "3", "4"], events.Select(e => e.Id));
        Assert.Equal("2", _handler.Requests[1].LastEventId);
        Assert.Equal("3", _handler.Requests[2].LastEventId);
    }

    [Fact]
    public async Task ReplayedNonNumericIdIsSkippedByEquality()
    {
        _handler.EnqueueStream().Send("id: a\ndata: 1\n\nid: b\ndata: 2\n\n").End();
        _handler.EnqueueStream().Send("id: b\ndata: 2\n\nid: c\ndata: 3\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(), 3);

        Assert.Equal(["a", "b", "c"], events.Select(e => e.Id));
    }

    [Fact]
    public async Task EventsWithoutTheirOwnIdAreNotTakenForDuplicates()
    {
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\ndata: b\n\ndata: c\n\n");
        var events = await TakeAsync(_client.Events.StreamAsync(), 3);
        Assert.Equal(["a", "b", "c"], events.Select(e => e.Data));
        Assert.All(events, e => Assert.Equal("1", e.Id));
    }

    [Fact]
    public async Task StartsAfterTheGivenLastEventId()
    {
        _handler.EnqueueStream().Send("id: 41\ndata: old\n\nid: 42\ndata: old\n\nid: 43\ndata: new\n\n");
        var events = await TakeAsync(_client.Events.StreamAsync(new RaviEventStreamOptions { LastEventId = "42" }), 1);
        Assert.Equal("43", Assert.Single(events).Id);
        Assert.Equal("42", _handler.Requests[0].LastEventId);
    }

    [Fact]
    public async Task NonAsciiIdsRoundTrip()
    {
        const string id = "évt-✓-😀";
        _handler.EnqueueStream().Send($"id: {id}\ndata: a\n\n").End();
        _handler.EnqueueStream().Send("id: next\ndata: b\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(new RaviEventStreamOptions { LastEventId = "ü" }), 2);

        Assert.Equal(id, events[0].Id);
        Assert.Equal("ü", _handler.Requests[0].LastEventId);
        Assert.Equal(id, _handler.Requests[1].LastEventId);
    }

    [Fact]
    public async Task TypedEventsAreParsedAndUnknownOrBrokenOnesAreRaw()
    {
        _handler.EnqueueStream().Send(
            "event: email\nid: 1\ndata: {\"thread_id\":\"t-1\",\"from_email\":\"a@b.c\",\"subject\":\"Hi\",\"preview\":\"Code 1234\"}\n\n" +
            "event: sms\nid: 2\ndata: {\"conversation_id\":\"c-1\",\"from_number\":\"+15551234567\",\"preview\":\"847291\",\"extra\":1}\n\n" +
            "event: ping\nid: 3\ndata: {}\n\n" +
            "event: email\nid: 4\ndata: {not json\n\n" +
            "event: sms\nid: 5\ndata: {\"from_number\":\"+1\"}\n\n" +
            "id: 6\ndata: plain\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(), 6);

        var email = Assert.IsType<EmailReceived>(events[0]);
        Assert.Equal(("t-1", "a@b.c", "Hi", "Code 1234"), (email.ThreadId, email.FromEmail, email.Subject, email.Preview));
        Assert.Equal("email", email.EventType);
        var sms = Assert.IsType<SmsReceived>(events[1]);
        Assert.Equal(("c-1", "+15551234567", "847291"), (sms.ConversationId, sms.FromNumber, sms.Preview));
        Assert.Equal("ping", Assert.IsType<RaviRawEvent>(events[2]).EventType);
        var broken = Assert.IsType<RaviRawEvent>(events[3]);
        Assert.Equal(("email", "{not json", "4"), (broken.EventType, broken.Data, broken.Id));
        Assert.IsType<RaviRawEvent>(events[4]); // sms without conversation_id
        Assert.Equal("message", Assert.IsType<RaviRawEvent>(events[5]).EventType);
    }

    [Fact]
    public void RequiresAnIdentityBeforeEnumerating()
    {
        using var http = new HttpClient(_handler, disposeHandler: false);
        using var client = new RaviClient(http, new RaviClientOptions
        {
            BaseAddress = new Uri("https://ravi.test/"),
            AccessToken = "t",
            UseCliConfiguration = false,
        });

        Assert.Throws<RaviIdentityRequiredException>(() => client.Events.StreamAsync());
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public void RejectsInvalidOptions()
    {
        Assert.Throws<ArgumentException>("options", () => _client.Events.StreamAsync(new RaviEventStreamOptions { LastEventId = "a\nb" }));
        Assert.Throws<ArgumentException>("options", () => _client.Events.StreamAsync(new RaviEventStreamOptions { KeepAliveTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>("options", () => _client.Events.StreamAsync(new RaviEventStreamOptions { MaxReconnectAttempts = -2 }));
        Assert.Throws<ArgumentException>("options", () => _client.Events.StreamAsync(new RaviEventStreamOptions { InitialReconnectDelay = TimeSpan.FromSeconds(5), MaxReconnectDelay = TimeSpan.FromSeconds(1) }));
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task AWrongContentTypeIsAnError()
    {
        _handler.EnqueueStream("text/html");
        await Assert.ThrowsAsync<RaviException>(() => TakeAsync(_client.Events.StreamAsync(), 1));
    }

    [Theory]
    [InlineData("4", "5", false)]
    [InlineData("5", "5", false)]
    [InlineData("10", "9", true)]
    [InlineData("abc", "abc", false)]
    [InlineData("abd", "abc", true)]
    [InlineData("10", "x", true)]
    public void The_resume_point_given_by_the_caller_skips_that_id_and_lower_numeric_ids(string id, string last, bool yielded) =>
        Assert.Equal(yielded ? EventIdTracker.Decision.New : EventIdTracker.Decision.Repeat, new EventIdTracker(16, last).Check(id, "message"u8, "d"u8, firstOnConnection: true));

    private static Task<bool> Next(IAsyncEnumerator<RaviEvent> e) => e.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private static async Task<List<RaviEvent>> TakeAsync(IAsyncEnumerable<RaviEvent> stream, int count)
    {
        var list = new List<RaviEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var item in stream.WithCancellation(timeout.Token))
        {
            list.Add(item);
            if (list.Count == count)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>Lets continuations that are already scheduled run (real time, short).</summary>
    private static async Task SettleAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(10);
        }
    }
}

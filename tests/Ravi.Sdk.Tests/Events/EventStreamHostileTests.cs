using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.Events;

/// <summary>A hostile or broken event-stream server: oversized events, silence, no answer at all.</summary>
public sealed class EventStreamHostileTests : IDisposable
{
    private const string Identity = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private readonly SseTestHandler _handler = new();
    private readonly ObservableTimeProvider _time = new();
    private readonly ObservableTimeProvider _clock;
    private readonly HttpClient _http;
    private readonly RaviClient _client;

    public EventStreamHostileTests()
    {
        _clock = _time;
        _http = new HttpClient(_handler);
        _client = new RaviClient(_http, Options(new Uri("https://ravi.test/")));
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _handler.Dispose();
    }

    [Fact]
    public async Task A_line_longer_than_the_event_limit_drops_the_connection_and_the_reader_reconnects()
    {
        var endless = new EndlessLineStream("id: 1\ndata: ", maxBytes: 48L * 1024 * 1024);
        _handler.Enqueue(() => EventStream(endless));
        _handler.EnqueueStream().Send("id: 2\ndata: after\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(new RaviEventStreamOptions { InitialReconnectDelay = TimeSpan.Zero }), 1);

        Assert.Equal("after", Assert.Single(events).Data);
        Assert.Equal(2, _handler.Requests.Count);
        Assert.Null(_handler.Requests[1].LastEventId); // the oversized event was never dispatched: nothing moved the resume point
        Assert.InRange(endless.BytesRead, RaviEventStreamOptions.DefaultMaxEventSize, RaviEventStreamOptions.DefaultMaxEventSize + (256 * 1024));
        Assert.True(endless.IsDisposed);
    }

    [Fact]
    public async Task Data_lines_adding_up_past_the_limit_are_cut_too_and_smaller_events_around_them_survive()
    {
        var big = new StringBuilder("id: 2\n");
        for (var i = 0; i < 40; i++)
        {
            big.Append("data: ").Append('y', 1000).Append('\n');
        }

        var options = new RaviEventStreamOptions { MaxEventSize = 32 * 1024, InitialReconnectDelay = TimeSpan.Zero };
        _handler.EnqueueStream().Send("id: 1\ndata: small\n\n" + big + "\n").End();
        _handler.EnqueueStream().Send("id: 3\ndata: next\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(options), 2);

        Assert.Equal(["small", "next"], events.Select(e => e.Data));
        Assert.Equal("1", _handler.Requests[1].LastEventId);
    }

    [Fact]
    public async Task An_event_just_under_the_limit_is_delivered()
    {
        var data = new string('z', 32 * 1024);
        _handler.EnqueueStream().Send($"id: 1\ndata: {data}\n\n");

        var events = await TakeAsync(_client.Events.StreamAsync(new RaviEventStreamOptions { MaxEventSize = 32 * 1024 }), 1);

        Assert.Equal(data, Assert.Single(events).Data);
    }

    [Fact]
    public void The_event_limit_is_validated()
    {
        Assert.Throws<ArgumentException>("options", () => _client.Events.StreamAsync(new RaviEventStreamOptions { MaxEventSize = 0 }));
        Assert.Throws<ArgumentException>("options", () => _client.Events.StreamAsync(new RaviEventStreamOptions { DeduplicationWindow = -1 }));
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task A_silent_stream_that_may_not_reconnect_ends_with_RaviConnectionException()
    {
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\n");
        var options = new RaviEventStreamOptions { KeepAliveTimeout = TimeSpan.FromSeconds(60), MaxReconnectAttempts = 0 };

        await using var e = _client.Events.StreamAsync(options).GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        var next = e.MoveNextAsync().AsTask(); // now reading, with the keepalive timer armed
        await _time.WaitUntilArmedAsync(TimeSpan.FromSeconds(60));
        _time.Advance(TimeSpan.FromSeconds(61));

        var ex = await Assert.ThrowsAsync<RaviConnectionException>(() => next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, ex.Attempts);
        Assert.Contains("1 attempt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("60 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_ends_with_RaviConnectionException_naming_the_attempts()
    {
        await using var server = new SilentTcpServer();
        using var client = new RaviClient(Options(server.BaseAddress));
        var options = new RaviEventStreamOptions
        {
            KeepAliveTimeout = TimeSpan.FromSeconds(60),
            MaxReconnectAttempts = 1,
            InitialReconnectDelay = TimeSpan.Zero,
            MaxReconnectDelay = TimeSpan.Zero,
        };

        await using var e = client.Events.StreamAsync(options).GetAsyncEnumerator();
        var next = e.MoveNextAsync().AsTask();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            // The request is on the wire (its silence timer armed before it was sent), at the current fake time. Advance by
            // exactly 60 s: the next attempt may arm its timer inside this Advance (at the 60 s mark).
            await server.WaitForRequestsAsync(attempt);
            await _time.WaitUntilArmedAsync(TimeSpan.FromSeconds(60));
            _time.Advance(TimeSpan.FromSeconds(60));
        }

        var ex = await Assert.ThrowsAsync<RaviConnectionException>(() => next.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, ex.Attempts);
        Assert.Contains("2 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task Network_failures_after_the_last_reconnect_attempt_are_RaviConnectionException_with_the_cause_inside()
    {
        _handler.EnqueueStream().Send("id: 1\ndata: a\n\n").Fail(new InvalidOperationException("reset"));
        _handler.EnqueueStream().Fail(new InvalidOperationException("reset again"));
        var options = new RaviEventStreamOptions { MaxReconnectAttempts = 1, InitialReconnectDelay = TimeSpan.Zero, MaxReconnectDelay = TimeSpan.Zero };

        var events = new List<RaviEvent>();
        var ex = await Assert.ThrowsAsync<RaviConnectionException>(async () =>
        {
            await foreach (var evt in _client.Events.StreamAsync(options))
            {
                events.Add(evt);
            }
        });

        Assert.Equal("a", Assert.Single(events).Data);
        Assert.IsType<IOException>(ex.InnerException);
        Assert.Equal(2, ex.Attempts); // the productive connection, then one failed reconnect
    }

    private static HttpResponseMessage EventStream(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private RaviClientOptions Options(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        AccessToken = "test-token",
        IdentityUuid = Identity,
        UseCliConfiguration = false,
        TimeProvider = _clock,
    };

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
}

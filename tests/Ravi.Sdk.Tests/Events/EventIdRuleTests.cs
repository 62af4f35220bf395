using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.Events;

/// <summary>
/// The id rule (docs/events-and-otp.md): nothing lost, nothing repeated, for growing numeric ids, a numeric counter that
/// restarts, and opaque string ids, with drops and replays.
/// </summary>
public sealed class EventIdRuleTests : IDisposable
{
    private const string Identity = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private readonly SseTestHandler _handler = new();
    private readonly HttpClient _http;
    private readonly RaviClient _client;

    public EventIdRuleTests()
    {
        _http = new HttpClient(_handler);
        _client = Client(_http);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _handler.Dispose();
    }

    private static RaviEventStreamOptions NoWait => new() { InitialReconnectDelay = TimeSpan.Zero, MaxReconnectDelay = TimeSpan.Zero };

    [Fact]
    public async Task A_numeric_counter_that_restarts_loses_none_of_the_new_events()
    {
        _handler.EnqueueStream().Send(Events(1, 20, "old")).End();
        _handler.EnqueueStream().Send(Events(1, 20, "new")); // the server restarted: its ids start at 1 again

        var events = await TakeAsync(_client.Events.StreamAsync(NoWait), 40);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"old {i}").Concat(Enumerable.Range(1, 20).Select(i => $"new {i}")), events.Select(e => e.Data));
        Assert.Equal("20", _handler.Requests[1].LastEventId);
    }

    [Fact]
    public async Task After_a_restart_the_resume_point_follows_the_new_counter()
    {
        _handler.EnqueueStream().Send(Events(1, 30, "old")).End();
        _handler.EnqueueStream().Send(Events(1, 3, "new")).End();
        _handler.EnqueueStream().Send(Events(4, 5, "new"));

        var events = await TakeAsync(_client.Events.StreamAsync(NoWait), 35);

        Assert.Equal(35, events.Count);
        Assert.Equal("3", _handler.Requests[2].LastEventId); // not 30: a restarted server would skip its events 4..30
        Assert.Equal(["new 4", "new 5"], events.TakeLast(2).Select(e => e.Data));
    }

    [Fact]
    public async Task Replayed_string_ids_are_never_yielded_twice()
    {
        _handler.EnqueueStream().Send(StringEvents(0, 10)).End();
        _handler.EnqueueStream().Send(StringEvents(5, 15)).End(); // replays five it already sent, then five new ones
        _handler.EnqueueStream().Send(StringEvents(12, 20));

        var events = await TakeAsync(_client.Events.StreamAsync(NoWait), 20);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"s{i}"), events.Select(e => e.Data));
        Assert.Equal("evt-k9", _handler.Requests[1].LastEventId);
        Assert.Equal("evt-k14", _handler.Requests[2].LastEventId); // skipped replays do not move the resume point
    }

    [Fact]
    public async Task A_string_id_replayed_out_of_order_mid_stream_is_skipped()
    {
        _handler.EnqueueStream().Send(StringEvents(0, 5) + StringEvents(2, 3) + StringEvents(5, 7));

        var events = await TakeAsync(_client.Events.StreamAsync(NoWait), 7);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"s{i}"), events.Select(e => e.Data));
    }

    [Fact]
    public async Task A_numeric_replay_older_than_the_window_is_still_skipped_while_ids_grow()
    {
        var options = NoWait;
        options.DeduplicationWindow = 4;
        _handler.EnqueueStream().Send(Events(1, 10, "a") + Events(2, 3, "a") + Events(11, 11, "a"));

        var events = await TakeAsync(_client.Events.StreamAsync(options), 11);

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"a {i}"), events.Select(e => e.Data));
    }

    [Fact]
    public async Task A_late_numeric_id_inside_the_window_is_a_new_event()
    {
        _handler.EnqueueStream().Send(Events(1, 3, "a") + Events(5, 6, "a") + Events(4, 4, "late") + Events(7, 7, "a"));

        var events = await TakeAsync(_client.Events.StreamAsync(NoWait), 6);

        Assert.Equal(["a 1", "a 2", "a 3", "a 5", "a 6", "late 4"], events.Select(e => e.Data));
    }

    [Fact]
    public async Task The_given_LastEventId_skips_the_replayed_start_on_the_first_connection()
    {
        _handler.EnqueueStream().Send(Events(40, 45, "x"));

        var events = await TakeAsync(_client.Events.StreamAsync(new RaviEventStreamOptions { LastEventId = "42" }), 3);

        Assert.Equal(["x 43", "x 44", "x 45"], events.Select(e => e.Data));
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, false, false)]
    [InlineData(3, true, false)]
    [InlineData(4, true, false)]
    [InlineData(5, false, true)]
    [InlineData(6, false, true)]
    [InlineData(7, true, true)]
    public async Task Random_drops_and_replays_lose_and_repeat_nothing(int seed, bool stringIds, bool restart)
    {
        var server = new ReplayingSseServer(seed, stringIds, events: 60) { RestartWhenCaughtUp = restart, RestartEvents = 25 };
        using var http = new HttpClient(server);
        using var client = Client(http);
        var total = server.TotalEvents;

        var events = await TakeAsync(client.Events.StreamAsync(NoWait), total);

        Assert.Equal(server.Expected, events.Select(e => e.Data));
        Assert.True(server.Connections > 5, $"only {server.Connections} connections");
    }

    private static RaviClient Client(HttpClient http) => new(http, new RaviClientOptions
    {
        BaseAddress = new Uri("https://ravi.test/"),
        AccessToken = "test-token",
        IdentityUuid = Identity,
        UseCliConfiguration = false,
        TimeProvider = new FakeTimeProvider(),
    });

    private static string Events(int from, int to, string label) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"id: {i}\ndata: {label} {i}\n\n"));

    private static string StringEvents(int from, int toExclusive) =>
        string.Concat(Enumerable.Range(from, toExclusive - from).Select(i => $"id: evt-k{i}\ndata: s{i}\n\n"));

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

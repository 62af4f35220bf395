using System.Collections.Concurrent;
using System.Globalization;
using Ravi.Sdk.Events;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The SDK's event stream (docs/events-and-otp.md#the-event-stream) against the server's real <c>text/event-stream</c>: typed events, resume, reconnects
/// after drops at any byte, silent connections and expired tokens, with nothing lost and nothing yielded twice.
/// </summary>
public abstract class EventsTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : EventsTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : EventsTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private const string StreamPath = "/api/events/stream/";

    // No keepalive comments during a test unless it asks for them: silence is then under the test's control.
    protected override RaviTestServerOptions CreateServerOptions() => new() { KeepAliveInterval = TimeSpan.FromMinutes(10) };

    private static RaviEventStreamOptions FastReconnect(TimeSpan? keepAliveTimeout = null, string? lastEventId = null) => new()
    {
        LastEventId = lastEventId,
        InitialReconnectDelay = TimeSpan.FromMilliseconds(5),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(100),
        KeepAliveTimeout = keepAliveTimeout ?? TimeSpan.FromSeconds(30),
    };

    /// <summary>Reads the stream on a background task until <paramref name="count"/> events arrived.</summary>
    private static (Task Reader, ConcurrentQueue<RaviEvent> Events) Consume(RaviClient agent, RaviEventStreamOptions options, int count, CancellationToken cancellationToken)
    {
        var events = new ConcurrentQueue<RaviEvent>();
        var reader = Task.Run(async () =>
        {
            await foreach (var item in agent.Events.StreamAsync(options, cancellationToken))
            {
                events.Enqueue(item);
                if (events.Count == count)
                {
                    break;
                }
            }
        }, cancellationToken);
        return (reader, events);
    }

    [Fact]
    public async Task Injected_sms_and_email_arrive_live_as_typed_events_and_unknown_types_as_raw()
    {
        var agent = CreateIdentityClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var enumerator = agent.Events.StreamAsync(FastReconnect(), timeout.Token).GetAsyncEnumerator(timeout.Token);
        try
        {
            var first = enumerator.MoveNextAsync().AsTask();
            await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the stream to open");

            var sms = Server.InjectSms(IdentityUuid, "+15551234567", "Your verification code is 847291");
            Assert.True(await first);
            var smsEvent = Assert.IsType<SmsReceived>(enumerator.Current);
            Assert.Equal(sms.EventId.ToString(CultureInfo.InvariantCulture), smsEvent.Id);
            Assert.Equal(RaviEventTypes.Sms, smsEvent.EventType);
            Assert.Equal(sms.ConversationId, smsEvent.ConversationId);
            Assert.Equal("+15551234567", smsEvent.FromNumber);
            Assert.Equal("Your verification code is 847291", smsEvent.Preview);

            var email = Server.InjectEmail(IdentityUuid, "noreply@shop.example", "Your code", "Code: 112233");
            Assert.True(await enumerator.MoveNextAsync());
            var emailEvent = Assert.IsType<EmailReceived>(enumerator.Current);
            Assert.Equal(email.EventId.ToString(CultureInfo.InvariantCulture), emailEvent.Id);
            Assert.Equal(email.ThreadId, emailEvent.ThreadId);
            Assert.Equal("noreply@shop.example", emailEvent.FromEmail);
            Assert.Equal("Your code", emailEvent.Subject);
            Assert.Equal("Code: 112233", emailEvent.Preview);

            Server.PublishEvent(IdentityUuid, "identity.updated", "{\"name\":\"x\"}\nsecond line");
            Assert.True(await enumerator.MoveNextAsync());
            var raw = Assert.IsType<RaviRawEvent>(enumerator.Current);
            Assert.Equal("identity.updated", raw.EventType);
            Assert.Equal("{\"name\":\"x\"}\nsecond line", raw.Data);
            Assert.Equal("3", raw.Id);

            // The events lead to the resources.
            var conversation = await agent.SmsInbox.GetConversationAsync(smsEvent.ConversationId);
            Assert.Equal("Your verification code is 847291", Assert.Single(conversation.Messages).Body);
            Assert.Equal("Code: 112233", Assert.Single((await agent.EmailInbox.GetThreadAsync(emailEvent.ThreadId)).Messages).TextContent);
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        // Disposing the enumerator closed the connection.
        await WaitUntilAsync(() => Server.ActiveStreamCount == 0, "the stream to close");
        var request = Assert.Single(RequestsTo("GET", StreamPath));
        Assert.Equal("text/event-stream", request.Header("Accept"));
        Assert.Equal(IdentityUuid, request.Header("X-Ravi-Identity"));
        Assert.Equal($"Bearer {Server.AccessToken}", request.Header("Authorization"));
        Assert.Null(request.Header("Last-Event-ID"));
    }

    [Fact]
    public async Task Ten_thousand_events_survive_drops_at_random_points_exactly_once_and_in_order()
    {
        const int Rounds = 10;
        const int PerRound = 1000;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var agent = CreateIdentityClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new List<RaviEvent>(Rounds * PerRound);
        long last = 0;

        // Resume from id 0: a connection cut before it delivered any event must still resume (a stream opened without
        // Last-Event-ID only gets events logged after it connected).
        var reader = Task.Run(async () =>
        {
            await foreach (var item in agent.Events.StreamAsync(FastReconnect(lastEventId: "0"), timeout.Token))
            {
                received.Add(item);
                Volatile.Write(ref last, long.Parse(item.Id!, CultureInfo.InvariantCulture));
                if (received.Count == Rounds * PerRound)
                {
                    break;
                }
            }
        });
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the stream to open");

        // One fault per round, armed while the stream is idle, so the connection that writes the round's events takes it.
        var faults = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var connections = Server.StreamConnectionCount;
            faults.Add(ArmFault(round, random));
            Server.PublishEvents(IdentityUuid, PerRound);
            var target = (round + 1L) * PerRound;
            var context = $"round {round} ({faults[^1]}), seed {seed}";
            await WaitUntilAsync(() => Volatile.Read(ref last) == target || reader.IsCompleted, $"events up to {target}, {context}", TimeSpan.FromSeconds(20));
            Assert.False(reader.IsFaulted, $"the reader failed: {reader.Exception} ({context})");
            // After the last event the reader leaves, and its connection closes at once (it is not drained).
            await WaitUntilAsync(() => Server.StreamConnectionCount == connections + 1 && (Server.ActiveStreamCount == 1 || reader.IsCompleted), $"the reconnect, {context}");
        }

        await reader;
        Assert.Equal(Enumerable.Range(1, Rounds * PerRound).Select(i => i.ToString(CultureInfo.InvariantCulture)), received.Select(e => e.Id));
        Assert.All(received, e => Assert.Equal($"bulk event {e.Id}", Assert.IsType<SmsReceived>(e).Preview));
        Assert.Equal(Rounds + 1, Server.StreamConnectionCount);

        // Every reconnect resumed from the last event it had received.
        var streams = RequestsTo("GET", StreamPath);
        Assert.Equal("0", streams[0].Header("Last-Event-ID"));
        Assert.All(streams, r => Assert.NotNull(r.Header("Last-Event-ID")));
    }

    private string ArmFault(int round, Random random)
    {
        switch (round % 10)
        {
            case 0:
                Server.DropStreamAtByte(5); // inside "id: 1" of the round's first event
                return "drop at byte 5";
            case 1:
                var inSecondEvent = 120 + random.Next(0, 100); // mid-line in the second or third event
                Server.DropStreamAtByte(inSecondEvent);
                return $"drop at byte {inSecondEvent}";
            case 2:
                var events = random.Next(1, 1000);
                Server.DropStreamAfterEvents(events);
                return $"drop after {events} events";
            case 3:
                Server.SendPartialEventThenDrop();
                return "partial event then drop";
            case 4:
            case 7:
            case 9:
                var bytes = random.Next(1, 100_000);
                Server.DropStreamAtByte(bytes);
                return $"drop at byte {bytes}";
            case 5:
                var graceful = random.Next(1, 1000);
                Server.DropStreamAfterEvents(graceful, graceful: true);
                return $"clean end of stream after {graceful} events";
            case 6:
                Server.DropStreamAtByte(0);
                return "drop before the first byte";
            default:
                Server.DropStreamAfterEvents(999);
                return "drop before the round's last event";
        }
    }

    [Fact]
    public async Task A_silent_connection_is_replaced_after_the_keepalive_timeout_and_resumes_from_the_last_id()
    {
        var agent = CreateIdentityClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (reader, events) = Consume(agent, FastReconnect(keepAliveTimeout: TimeSpan.FromMilliseconds(200), lastEventId: "0"), 2, timeout.Token);
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the stream to open");

        Server.InjectSms(IdentityUuid, "+15550000001", "first");
        await WaitUntilAsync(() => events.Count == 1, "the first event");
        var connections = Server.StreamConnectionCount;
        await WaitUntilAsync(() => Server.StreamConnectionCount >= connections + 2, "two reconnects after silence");
        Server.InjectSms(IdentityUuid, "+15550000002", "second");
        await reader;

        Assert.Equal(["1", "2"], events.Select(e => e.Id));
        Assert.Equal(["first", "second"], events.Select(e => ((SmsReceived)e).Preview));
        var streams = RequestsTo("GET", StreamPath);
        Assert.True(streams.Count >= 3);
        Assert.Equal("0", streams[0].Header("Last-Event-ID"));
        var afterFirst = streams.SkipWhile(r => r.Header("Last-Event-ID") == "0").ToList();
        Assert.True(afterFirst.Count >= 2, "the connection was not replaced after the first event");
        Assert.All(afterFirst, r => Assert.Equal("1", r.Header("Last-Event-ID")));
    }

    [Fact]
    public async Task Keepalive_comments_keep_a_quiet_connection_open_across_many_keepalive_timeouts()
    {
        // Server and client share one fake clock: the server writes ": keepalive" every 31 s, the client gives up after 47 s
        // of silence. Each step waits until the server has armed its next keepalive timer and the client has re-armed its
        // read timeout at the current time (which it does only after the last comment arrived), then moves the clock 31 s.
        // So real-time scheduling delays can neither fake a silence nor skip a keepalive.
        var serverInterval = TimeSpan.FromSeconds(31);
        var clientTimeout = TimeSpan.FromSeconds(47);
        var time = new ObservableTimeProvider();
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { TimeProvider = time, KeepAliveInterval = serverInterval, Dialect = Dialect });
        var options = ClientOptions();
        options.BaseAddress = server.BaseAddress;
        options.AccessToken = server.AccessToken;
        options.RefreshToken = server.RefreshToken;
        options.TimeProvider = time;
        options.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.OverallTimeout = Timeout.InfiniteTimeSpan;
        using var client = new RaviClient(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (reader, events) = Consume(client.ForIdentity(server.Identity.Uuid), FastReconnect(keepAliveTimeout: clientTimeout), 2, timeout.Token);
        await WaitUntilAsync(() => server.ActiveStreamCount == 1, "the stream to open");
        server.InjectSms(server.Identity.Uuid, "+15550000003", "before the quiet");
        await WaitUntilAsync(() => events.Count == 1, "the first event");

        for (var step = 1; step <= 8; step++)
        {
            var now = time.GetUtcNow();
            await WaitUntilAsync(() => time.LastArmedAt(serverInterval) >= now, $"the server to arm keepalive {step}");
            await WaitUntilAsync(() => time.LastArmedAt(clientTimeout) >= now, $"the client to re-arm its read timeout before step {step}");
            time.Advance(serverInterval);
        }

        var end = time.GetUtcNow();
        await WaitUntilAsync(() => time.LastArmedAt(clientTimeout) >= end, "the client to read the last keepalive");
        server.InjectSms(server.Identity.Uuid, "+15550000003", "after four minutes of quiet");
        await reader;

        Assert.Equal(["before the quiet", "after four minutes of quiet"], events.Select(e => ((SmsReceived)e).Preview));
        Assert.Equal(1, server.StreamConnectionCount);
        Assert.Empty(server.UnhandledErrors);
    }

    [Fact]
    public async Task A_reconnect_with_an_expired_token_refreshes_it_and_loses_nothing()
    {
        var agent = CreateIdentityClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var (reader, events) = Consume(agent, FastReconnect(), 3, timeout.Token);
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the stream to open");
        Server.InjectSms(IdentityUuid, "+15550000001", "one");
        await WaitUntilAsync(() => events.Count == 1, "the first event");

        Server.ExpireAllTokens();
        Server.DropStreamAfterEvents(1); // the next event is written, then the connection is cut
        Server.InjectSms(IdentityUuid, "+15550000002", "two");
        await WaitUntilAsync(() => Server.StreamConnectionCount == 2 && Server.ActiveStreamCount == 1, "the reconnect");
        Server.InjectSms(IdentityUuid, "+15550000003", "three");
        await reader;

        Assert.Equal(["1", "2", "3"], events.Select(e => e.Id));
        Assert.Equal(1, Server.RefreshCallCount);
        var streams = RequestsTo("GET", StreamPath);
        Assert.Equal([200, 401, 200], streams.Select(r => r.StatusCode));
        Assert.Equal("2", streams[1].Header("Last-Event-ID"));
        Assert.Equal("2", streams[2].Header("Last-Event-ID"));
        Assert.NotEqual(streams[1].Header("Authorization"), streams[2].Header("Authorization"));
    }

    [Fact]
    public async Task A_resume_id_replays_what_came_after_it_and_identities_stream_separately()
    {
        var root = CreateClient();
        var other = await root.Identities.CreateAsync("other-stream");
        for (var i = 1; i <= 5; i++)
        {
            Server.InjectSms(IdentityUuid, "+15550000001", $"mine {i}");
        }

        Server.InjectSms(other.Uuid, "+15550000009", "theirs 1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var (mine, myEvents) = Consume(root.ForIdentity(IdentityUuid), FastReconnect(lastEventId: "2"), 3, timeout.Token);
        var (theirs, theirEvents) = Consume(root.ForIdentity(other.Uuid), FastReconnect(lastEventId: "0"), 1, timeout.Token);
        await Task.WhenAll(mine, theirs);

        Assert.Equal(["3", "4", "5"], myEvents.Select(e => e.Id));
        Assert.Equal(["mine 3", "mine 4", "mine 5"], myEvents.Select(e => ((SmsReceived)e).Preview));
        Assert.Equal("theirs 1", ((SmsReceived)Assert.Single(theirEvents)).Preview);
        Assert.Equal("1", theirEvents.Single().Id);
        var streams = RequestsTo("GET", StreamPath);
        Assert.Equal("2", Assert.Single(streams, r => r.Header("X-Ravi-Identity") == IdentityUuid).Header("Last-Event-ID"));
        Assert.Equal("0", Assert.Single(streams, r => r.Header("X-Ravi-Identity") == other.Uuid).Header("Last-Event-ID"));
    }
}

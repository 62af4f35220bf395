using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class EventStreamTests : ServerTestBase
{
    protected override RaviTestServerOptions CreateOptions() => new() { KeepAliveInterval = TimeSpan.FromMinutes(10) };

    private static string Frame(long id, string data) => $"id: {id}\nevent: test\ndata: {data}\n\n";

    private async Task WaitForStreamsAsync(int count)
    {
        var deadline = Stopwatch.StartNew();
        while (Server.ActiveStreamCount != count)
        {
            // A hang guard (the server counts a stream once its handler runs), not a check of how fast it is.
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"expected {count} open streams, have {Server.ActiveStreamCount}");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Email_and_sms_events_arrive_with_increasing_ids_and_the_documented_data()
    {
        await using var stream = await SseTestConnection.OpenAsync(Api);
        Assert.Equal("no-cache", stream.Response.Headers.CacheControl!.ToString());
        await WaitForStreamsAsync(1);

        var email = Server.InjectEmail(Server.Identity.Uuid, "noreply@shop.example", "Your code", "Your code is 847291. It expires in ten minutes, so hurry up and type it in quickly please, before the code stops working for good.");
        var sms = Server.InjectSms(Server.Identity.Uuid, "+15551234567", "Your verification code is 847291");

        var first = await stream.ReadEventAsync();
        Assert.Equal("1", first.Id);
        Assert.Equal(email.EventId.ToString(), first.Id);
        Assert.Equal("email", first.Event);
        var emailData = JsonNode.Parse(first.Data!)!.AsObject();
        Assert.Equal(email.ThreadId, emailData["thread_id"]!.GetValue<string>());
        Assert.Equal("noreply@shop.example", emailData["from_email"]!.GetValue<string>());
        Assert.Equal("Your code", emailData["subject"]!.GetValue<string>());
        Assert.StartsWith("Your code is 847291.", emailData["preview"]!.GetValue<string>());
        Assert.EndsWith("...", emailData["preview"]!.GetValue<string>());
        Assert.Equal(4, emailData.Count);

        var second = await stream.ReadEventAsync();
        Assert.Equal("2", second.Id);
        Assert.Equal("sms", second.Event);
        var smsData = JsonNode.Parse(second.Data!)!.AsObject();
        Assert.Equal(sms.ConversationId, smsData["conversation_id"]!.GetValue<string>());
        Assert.Equal("+15551234567", smsData["from_number"]!.GetValue<string>());
        Assert.Equal("Your verification code is 847291", smsData["preview"]!.GetValue<string>());
        Assert.Equal(2, Server.GetLastEventId(Server.Identity.Uuid));
    }

    [Fact]
    public async Task Events_are_per_identity()
    {
        var other = Server.CreateIdentity("other");
        await using var stream = await SseTestConnection.OpenAsync(Api);
        await WaitForStreamsAsync(1);

        Server.InjectSms(other.Uuid, "+15550000001", "not yours");
        Server.InjectSms(Server.Identity.Uuid, "+15550000002", "yours");

        var frame = await stream.ReadEventAsync();
        Assert.Equal("1", frame.Id);
        Assert.Contains("yours", frame.Data);
        Assert.DoesNotContain("not yours", frame.Data);
    }

    [Fact]
    public async Task Without_last_event_id_only_new_events_are_sent_and_with_it_later_ones_are_replayed()
    {
        for (var i = 1; i <= 3; i++)
        {
            Server.PublishEvent(Server.Identity.Uuid, "test", $"{{\"n\":{i}}}");
        }

        await using (var live = await SseTestConnection.OpenAsync(Api))
        {
            await WaitForStreamsAsync(1);
            Server.PublishEvent(Server.Identity.Uuid, "test", "{\"n\":4}");
            Assert.Equal("4", (await live.ReadEventAsync()).Id);
        }

        await using var resumed = await SseTestConnection.OpenAsync(Api, lastEventId: "1");
        string?[] ids = [(await resumed.ReadEventAsync()).Id, (await resumed.ReadEventAsync()).Id, (await resumed.ReadEventAsync()).Id];
        Assert.Equal(new string?[] { "2", "3", "4" }, ids);
        Server.PublishEvent(Server.Identity.Uuid, "test", "line one\nline two");
        var multiline = await resumed.ReadEventAsync();
        Assert.Equal("5", multiline.Id);
        Assert.Equal(["data: line one", "data: line two"], multiline.Lines.Where(l => l.StartsWith("data:")));
    }

    [Fact]
    public async Task Ten_thousand_events_replay_in_order_and_resume_from_the_middle()
    {
        // Each read is bounded (SseTestConnection's 10 s hang guard); how fast the replay is, is a benchmark's question.
        Assert.Equal(10_000, Server.PublishEvents(Server.Identity.Uuid, 10_000));

        await using (var stream = await SseTestConnection.OpenAsync(Api, lastEventId: "0"))
        {
            for (var expected = 1; expected <= 10_000; expected++)
            {
                var frame = await stream.ReadEventAsync();
                Assert.Equal(expected.ToString(), frame.Id);
            }
        }

        await using (var resumed = await SseTestConnection.OpenAsync(Api, lastEventId: "9990"))
        {
            var frame = await resumed.ReadEventAsync();
            Assert.Equal("9991", frame.Id);
            Assert.Contains("bulk event 9991", frame.Data);
        }
    }

    [Fact]
    public async Task DropStreamAfterEvents_aborts_after_n_complete_events_and_the_rest_replays()
    {
        Server.DropStreamAfterEvents(2);
        await using (var stream = await SseTestConnection.OpenAsync(Api))
        {
            await WaitForStreamsAsync(1);
            for (var i = 1; i <= 5; i++)
            {
                Server.PublishEvent(Server.Identity.Uuid, "test", $"{{\"n\":{i}}}");
            }

            var (bytes, aborted) = await stream.ReadRawToEndAsync();
            Assert.True(aborted);
            Assert.Equal(Frame(1, "{\"n\":1}") + Frame(2, "{\"n\":2}"), Encoding.UTF8.GetString(bytes));
        }

        await using var resumed = await SseTestConnection.OpenAsync(Api, lastEventId: "2");
        Assert.Equal("3", (await resumed.ReadEventAsync()).Id);
        Assert.Equal(2, Server.StreamConnectionCount);
    }

    [Fact]
    public async Task A_graceful_drop_ends_the_stream_cleanly()
    {
        Server.PublishEvent(Server.Identity.Uuid, "test", "{}");
        Server.DropStreamAfterEvents(1, graceful: true);
        await using var stream = await SseTestConnection.OpenAsync(Api, lastEventId: "0");
        var (bytes, aborted) = await stream.ReadRawToEndAsync();
        Assert.False(aborted);
        Assert.Equal(Frame(1, "{}"), Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)] // inside "id:"
    [InlineData(22)] // inside the data line
    [InlineData(27)] // between the two newlines that end the first event
    [InlineData(28)] // exactly after the first event
    [InlineData(61)]
    public async Task DropStreamAtByte_cuts_the_body_after_exactly_n_bytes(int n)
    {
        var full = Frame(1, "{\"n\":1}") + Frame(2, "{\"n\":22}") + Frame(3, "{\"n\":333}");
        for (var i = 1; i <= 3; i++)
        {
            Server.PublishEvent(Server.Identity.Uuid, "test", $"{{\"n\":{new string(i.ToString()[0], i)}}}");
        }

        Server.DropStreamAtByte(n);
        await using var stream = await SseTestConnection.OpenAsync(Api, lastEventId: "0");
        var (bytes, aborted) = await stream.ReadRawToEndAsync();

        Assert.True(aborted);
        Assert.Equal(full[..n], Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task SendPartialEventThenDrop_omits_the_dispatching_blank_line_and_replays_it_on_resume()
    {
        Server.PublishEvent(Server.Identity.Uuid, "test", "{\"n\":1}");
        await using (var stream = await SseTestConnection.OpenAsync(Api, lastEventId: "0"))
        {
            Assert.Equal("1", (await stream.ReadEventAsync()).Id);
            Server.SendPartialEventThenDrop();
            Server.PublishEvent(Server.Identity.Uuid, "test", "{\"n\":2}");
            var (bytes, aborted) = await stream.ReadRawToEndAsync();
            Assert.True(aborted);
            Assert.Equal("id: 2\nevent: test\ndata: {\"n\":2}\n", Encoding.UTF8.GetString(bytes));
        }

        await using var resumed = await SseTestConnection.OpenAsync(Api, lastEventId: "1");
        var replayed = await resumed.ReadEventAsync();
        Assert.Equal("2", replayed.Id);
        Assert.Equal("{\"n\":2}", replayed.Data);
    }

    [Fact]
    public async Task The_stream_requires_a_token_and_an_identity()
    {
        Api.Identity = null;
        using (var request = Api.CreateRequest(HttpMethod.Get, "api/events/stream/"))
        {
            Assert.Equal("identity_required", (await Api.SendAsync(request)).Expect(400).ErrorCode);
        }

        Api.Token = null;
        Api.Identity = Server.Identity.Uuid;
        using (var request = Api.CreateRequest(HttpMethod.Get, "api/events/stream/"))
        {
            Assert.Equal("not_authenticated", (await Api.SendAsync(request)).Expect(401).ErrorCode);
        }

        Assert.Equal(0, Server.StreamConnectionCount);
    }

    [Fact]
    public async Task Deleting_the_identity_ends_its_stream()
    {
        var other = Server.CreateIdentity("short-lived");
        using var otherApi = new ServerApi(Server, identity: other.Uuid);
        await using var stream = await SseTestConnection.OpenAsync(otherApi);
        await WaitForStreamsAsync(1);

        (await Api.DeleteAsync($"api/identities/{other.Uuid}/")).Expect(204);
        Assert.Null(await stream.ReadFrameAsync());
        await WaitForStreamsAsync(0);
    }

    [Fact]
    public async Task Disposing_the_server_ends_open_streams()
    {
        await using var stream = await SseTestConnection.OpenAsync(Api);
        await WaitForStreamsAsync(1);
        await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)); // a hang guard only

        // The server ended the stream itself: the response finished cleanly. Had it left the stream open, Kestrel's
        // shutdown timeout would have aborted the connection instead (Aborted = true).
        var (_, aborted) = await stream.ReadRawToEndAsync();
        Assert.False(aborted);
        Assert.Equal(0, Server.ActiveStreamCount);
    }
}

public sealed class EventStreamKeepAliveTests : ServerTestBase
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly ObservableTimeProvider _time = new();

    protected override RaviTestServerOptions CreateOptions() => new()
    {
        TimeProvider = _time,
        KeepAliveInterval = Interval,
        StreamRetry = TimeSpan.FromMilliseconds(1500),
    };

    [Fact]
    public async Task The_stream_starts_with_retry_and_sends_keepalive_comments_between_events()
    {
        // The server's clock is fake: a keepalive can only come when the test moves it by the interval (a real 30 s
        // would outlast every read's 10 s hang guard).
        await using var stream = await SseTestConnection.OpenAsync(Api);
        Assert.Equal(["retry: 1500"], (await stream.ReadFrameAsync())!.Lines);

        await _time.WaitUntilArmedAsync(Interval);
        _time.Advance(Interval);
        var keepalive = await stream.ReadFrameAsync();
        Assert.Equal([": keepalive"], keepalive!.Lines);
        Assert.True(keepalive.IsComment);

        Server.InjectSms(Server.Identity.Uuid, "+15550000000", "hi");
        Assert.Equal("sms", (await stream.ReadEventAsync()).Event);
        await _time.WaitUntilArmedAsync(Interval);
        _time.Advance(Interval);
        Assert.True((await stream.ReadFrameAsync())!.IsComment);
    }
}

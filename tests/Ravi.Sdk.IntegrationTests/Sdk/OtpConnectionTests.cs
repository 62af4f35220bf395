using System.Globalization;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.TestSupport;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Resources;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// How many connections an OTP wait holds, counted by the transport's <c>ConnectCallback</c> (issue 10 item 11): while it
/// waits only its event stream holds one, reading the conversation an event points to never opens a second one next to
/// the stream, and nothing is left in the connection pool once the wait is over. Nothing is lost meanwhile.
/// </summary>
public abstract class OtpConnectionTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : OtpConnectionTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : OtpConnectionTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private const string Sender = "+15550001111";
    private const string StreamPath = "/api/events/stream/";
    private const string InboxPath = "/api/sms-inbox/";

    private readonly ConnectionCounter _connections = new();

    // No keepalive comments unless a test asks: the stream's traffic is the test's.
    protected override RaviTestServerOptions CreateServerOptions() => new() { KeepAliveInterval = TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task While_a_wait_waits_only_its_event_stream_holds_a_connection()
    {
        var agent = CreateCountedClient().ForIdentity(IdentityUuid);

        var wait = agent.Otp.WaitForSmsCodeAsync(Options());
        await StreamConnectedAndCaughtUpAsync();

        // The catch-up poll ran next to the stream on a second connection; that connection must not stay in the pool.
        await WaitUntilAsync(() => _connections.Live <= 1, "the catch-up poll's connection to close");
        Assert.Equal(1, _connections.Live);

        Server.InjectSms(IdentityUuid, Sender, "Your verification code is 482913");
        Assert.Equal("482913", (await wait).Code);
    }

    [Fact]
    public async Task Reading_the_conversation_opens_no_second_connection_and_the_wait_leaves_none_behind()
    {
        var agent = CreateCountedClient().ForIdentity(IdentityUuid);
        var wait = agent.Otp.WaitForSmsCodeAsync(Options());
        await StreamConnectedAndCaughtUpAsync();
        await SettledAsync();
        _connections.ResetPeak();

        Server.InjectSms(IdentityUuid, Sender, "Your verification code is 730164");
        var result = await wait;

        Assert.Equal("730164", result.Code);
        Assert.Equal(1, _connections.Peak); // the stream closed before the conversation was read over another connection
        Assert.Equal(0, _connections.Live); // nothing idle in the pool afterwards
    }

    [Fact]
    public async Task After_a_message_that_does_not_match_the_wait_resumes_its_stream_where_it_was_and_loses_nothing()
    {
        var agent = CreateCountedClient().ForIdentity(IdentityUuid);
        var wait = agent.Otp.WaitForSmsCodeAsync(Options());
        await StreamConnectedAndCaughtUpAsync();
        await SettledAsync();
        _connections.ResetPeak();

        // Two messages at once: the first has no code (the wait reads it, goes on), the second arrives while the stream is
        // closed for that read, so only the resumed stream's replay from Last-Event-ID can bring it.
        var noise = Server.InjectSms(IdentityUuid, "+15559998888", "Your parcel is on its way");
        Server.InjectSms(IdentityUuid, Sender, "Your verification code is 918273");
        var result = await wait;

        Assert.Equal("918273", result.Code);
        var streams = RequestsTo("GET", StreamPath);
        Assert.Equal(noise.EventId.ToString(CultureInfo.InvariantCulture), streams[^1].Header("Last-Event-ID"));
        Assert.Single(RequestsTo("GET", InboxPath)); // a resumed stream needs no catch-up poll: the server replays what it missed
        Assert.Equal(1, _connections.Peak);
        Assert.Equal(0, _connections.Live);
    }

    [Fact]
    public async Task Waits_started_together_hold_at_most_one_connection_each_plus_the_client_wide_catch_up_limit()
    {
        const int Waits = 8;
        var client = CreateCountedClient();
        var identities = CreateIdentities("storm", Waits);

        // Half the codes came just before their wait started: only the catch-up poll can find those (no stream was open).
        for (var i = 0; i < Waits / 2; i++)
        {
            Server.InjectSms(identities[i], Sender, $"Your verification code is {100_000 + i}");
        }

        // Every catch-up poll is slow, so polls that may run together do run together.
        Server.DelayNext(Waits, TimeSpan.FromMilliseconds(750), InboxPath, "GET");
        _connections.ResetPeak();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var waits = identities.Select(id => client.ForIdentity(id).Otp.WaitForSmsCodeAsync(Options(since))).ToArray();

        for (var i = 0; i < Waits / 2; i++)
        {
            Assert.Equal((100_000 + i).ToString(CultureInfo.InvariantCulture), (await waits[i]).Code);
        }

        await WaitUntilAsync(() => RequestsTo("GET", InboxPath).Count(r => r.StatusCode != 0) == Waits, "every wait's catch-up poll");
        for (var i = Waits / 2; i < Waits; i++)
        {
            Server.InjectSms(identities[i], Sender, $"Your verification code is {200_000 + i}");
        }

        for (var i = Waits / 2; i < Waits; i++)
        {
            Assert.Equal((200_000 + i).ToString(CultureInfo.InvariantCulture), (await waits[i]).Code);
        }

        // One stream per wait, and at most the limit's catch-up polls next to them (before: one poll per wait, 2 × Waits).
        Assert.InRange(_connections.Peak, Waits, Waits + OtpClient.ConcurrentCatchUps);
        await WaitUntilAsync(() => _connections.Live == 0, "the waits' connections to close");
    }

    [Fact]
    public async Task A_wait_in_line_for_its_catch_up_handles_live_events_and_cancelled_waits_give_their_turns_back()
    {
        var client = CreateCountedClient();
        var limit = OtpClient.ConcurrentCatchUps;
        using var cancel = new CancellationTokenSource();
        var holders = await HoldEveryCatchUpTurnAsync(client, "held", o => o, cancel.Token);

        // A wait that finds every turn taken: its stream opens, its catch-up poll waits for a turn...
        var queued = Server.CreateIdentity("queued").Uuid;
        var wait = client.ForIdentity(queued).Otp.WaitForSmsCodeAsync(Options());
        await WaitUntilAsync(() => Server.ActiveStreamCount == limit + 1, "the queued wait's event stream to connect");
        await StaysAtAsync(() => RequestsTo("GET", InboxPath).Count, limit, "a catch-up poll beyond the limit");

        // ...and meanwhile the events on its stream are handled.
        Server.InjectSms(queued, Sender, "Your verification code is 564738");
        Assert.Equal("564738", (await wait).Code);
        Assert.Equal(limit, RequestsTo("GET", InboxPath).Count);

        await cancel.CancelAsync();
        foreach (var holder in holders)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => holder);
        }

        await AllTurnsAreFreeAsync(client, "after-cancel", expectedPolls: 2 * limit);
    }

    [Fact]
    public async Task Waits_that_time_out_while_their_catch_up_polls_run_give_their_turns_back()
    {
        var client = CreateCountedClient();
        var holders = await HoldEveryCatchUpTurnAsync(client, "expiring", o => { o.Timeout = TimeSpan.FromSeconds(2); return o; }, CancellationToken.None);
        foreach (var holder in holders)
        {
            await Assert.ThrowsAsync<RaviWaitTimeoutException>(() => holder);
        }

        await AllTurnsAreFreeAsync(client, "after-timeout", expectedPolls: 2 * OtpClient.ConcurrentCatchUps);
    }

    private static OtpWaitOptions Options(DateTimeOffset? since = null) => new() { Timeout = TimeSpan.FromSeconds(30), Since = since };

    private string[] CreateIdentities(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Server.CreateIdentity($"{prefix}-{i}").Uuid)];

    /// <summary>Starts as many waits as there are catch-up turns, each on its own identity, whose catch-up polls the server holds.</summary>
    private async Task<Task<OtpResult>[]> HoldEveryCatchUpTurnAsync(RaviClient client, string prefix, Func<OtpWaitOptions, OtpWaitOptions> configure, CancellationToken cancellationToken)
    {
        var limit = OtpClient.ConcurrentCatchUps;
        var before = RequestsTo("GET", InboxPath).Count;
        Server.DelayNext(limit, TimeSpan.FromSeconds(30), InboxPath, "GET");
        var holders = CreateIdentities(prefix, limit)
            .Select(id => client.ForIdentity(id).Otp.WaitForSmsCodeAsync(configure(Options()), cancellationToken: cancellationToken))
            .ToArray();
        await WaitUntilAsync(() => RequestsTo("GET", InboxPath).Count == before + limit, "every catch-up turn to be taken by a held poll");
        return holders;
    }

    /// <summary>As many new waits as there are turns all get theirs at once (their polls reach the server together), then stop.</summary>
    private async Task AllTurnsAreFreeAsync(RaviClient client, string prefix, int expectedPolls)
    {
        using var stop = new CancellationTokenSource();
        var waits = await HoldEveryCatchUpTurnAsync(client, prefix, o => o, stop.Token);
        Assert.Equal(expectedPolls, RequestsTo("GET", InboxPath).Count);
        await stop.CancelAsync();
        foreach (var wait in waits)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        }
    }

    /// <summary>Checks for a while (bounded, a few hundred ms) that <paramref name="value"/> does not rise above <paramref name="expected"/>.</summary>
    private static async Task StaysAtAsync(Func<int> value, int expected, string what)
    {
        for (var i = 0; i < 30; i++)
        {
            Assert.True(value() <= expected, $"Saw {what}.");
            await Task.Delay(10);
        }

        Assert.Equal(expected, value());
    }

    private RaviClient CreateCountedClient()
    {
        var client = _connections.CreateClient(ClientOptions());
        TrackForDisposal(client);
        return client;
    }

    /// <summary>The wait's stream is open on the server and the server answered its catch-up poll.</summary>
    private async Task StreamConnectedAndCaughtUpAsync()
    {
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the wait's event stream to connect");
        await WaitUntilAsync(() => RequestsTo("GET", InboxPath).Count == 1, "the wait's catch-up poll");
    }

    /// <summary>Gives the catch-up poll's connection the chance to close (bounded; a client that keeps it open fails the assertions after).</summary>
    private async Task SettledAsync()
    {
        for (var i = 0; i < 200 && _connections.Live > 1; i++)
        {
            await Task.Delay(10);
        }
    }
}

using System.Globalization;
using Ravi.Sdk.Events;
using Ravi.Sdk.IntegrationTests.Sdk.Support;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The id rule against the server's real stream with numeric ids: replays of already-sent events after drops, and a server
/// whose counter restarts. Nothing lost, nothing yielded twice.
/// </summary>
public sealed class EventIdSchemeTests : SdkTestBase
{
    protected override Testing.RaviTestServerOptions CreateServerOptions() => new() { KeepAliveInterval = TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task Numeric_ids_replayed_after_drops_are_yielded_once_and_in_order()
    {
        var events = await EventIdReplayDriver.RunAsync(Server, CreateIdentityClient(), IdentityUuid, "0", rounds: 8, perRound: 50);

        Assert.Equal(Enumerable.Range(1, 400).Select(i => i.ToString(CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        Assert.True(Server.StreamConnectionCount >= 9);
    }

    [Fact]
    public async Task A_server_whose_counter_restarts_delivers_every_new_event()
    {
        var agent = CreateIdentityClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<RaviEvent>();
        await using var e = agent.Events.StreamAsync(EventIdReplayDriver.Options("0"), timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = e.MoveNextAsync().AsTask();
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the stream to open");
        for (var i = 1; i <= 20; i++)
        {
            Server.InjectSms(IdentityUuid, "+15550000001", $"before the restart {i}");
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.True(await next);
            received.Add(e.Current);
            next = e.MoveNextAsync().AsTask();
        }

        var connections = Server.StreamConnectionCount;
        Server.RestartEventIds();
        await WaitUntilAsync(() => Server.StreamConnectionCount > connections && Server.ActiveStreamCount == 1, "the reconnect after the restart");
        for (var i = 1; i <= 20; i++)
        {
            Server.InjectSms(IdentityUuid, "+15550000001", $"after the restart {i}");
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.True(await next);
            received.Add(e.Current);
            if (i < 19)
            {
                next = e.MoveNextAsync().AsTask();
            }
        }

        var previews = received.Cast<SmsReceived>().Select(s => s.Preview).ToList();
        Assert.Equal(
            Enumerable.Range(1, 20).Select(i => $"before the restart {i}").Concat(Enumerable.Range(1, 20).Select(i => $"after the restart {i}")),
            previews);
        Assert.Equal(Enumerable.Range(1, 20).Concat(Enumerable.Range(1, 20)).Select(i => i.ToString(CultureInfo.InvariantCulture)), received.Select(r => r.Id));
        Assert.Equal("20", RequestsTo("GET", "/api/events/stream/")[^1].Header("Last-Event-ID"));
    }
}

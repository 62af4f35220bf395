using System.Collections.Concurrent;
using Ravi.Sdk.Events;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Drives rounds of events through a <see cref="RaviTestServer"/> stream with a drop and a replay of already-sent events in
/// each round, and collects what the SDK yields.
/// </summary>
internal static class EventIdReplayDriver
{
    public static RaviEventStreamOptions Options(string lastEventId) => new()
    {
        LastEventId = lastEventId,
        InitialReconnectDelay = TimeSpan.FromMilliseconds(5),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(50),
        KeepAliveTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="perRound"/> events; returns the data of every yielded event.</summary>
    public static async Task<List<RaviEvent>> RunAsync(RaviTestServer server, RaviClient agent, string identityUuid, string lastEventId, int rounds, int perRound)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new ConcurrentQueue<RaviEvent>();
        var reader = Task.Run(async () =>
        {
            await foreach (var item in agent.Events.StreamAsync(Options(lastEventId), timeout.Token))
            {
                received.Enqueue(item);
                if (received.Count == rounds * perRound)
                {
                    break;
                }
            }
        });
        await WaitAsync(() => server.ActiveStreamCount == 1, "the stream to open", reader);

        var random = new Random(rounds * 31 + perRound);
        for (var round = 0; round < rounds; round++)
        {
            if (round > 0)
            {
                server.ReplayEventsOnNextStream(random.Next(1, perRound));
            }

            server.DropStreamAfterEvents(random.Next(1, perRound));
            server.PublishEvents(identityUuid, perRound);
            var target = (round + 1) * perRound;
            await WaitAsync(() => received.Count >= target, $"{target} events (round {round})", reader);
        }

        await reader.WaitAsync(TimeSpan.FromSeconds(10));
        return [.. received];
    }

    private static async Task WaitAsync(Func<bool> condition, string what, Task reader)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (reader.IsFaulted)
            {
                await reader; // surface the reader's exception
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(5);
        }
    }
}

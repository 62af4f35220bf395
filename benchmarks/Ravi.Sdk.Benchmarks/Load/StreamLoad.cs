using System.Diagnostics;
using System.Text.Json;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>
/// N identity-scoped event streams through one client: opened (at most <c>batch</c> connecting at a time, so that the
/// server's listen backlog is not what is measured), heap and sockets measured once all are connected, then two events
/// published to every identity: event 1 to all of them at once (a burst: its latency is mostly queueing behind the other
/// 9,999), event 2 in waves of <see cref="WaveSize"/> every <see cref="WaveInterval"/> (its latency is the delivery of one
/// event). Every stream must receive exactly its own two events, once each; then all are closed.
/// </summary>
internal sealed class StreamLoad(RaviClient client, LoadServerProcess server, SocketCounter counter, int from, int count, int batch)
{
    public const int WaveSize = 250;
    public static readonly TimeSpan WaveInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(15);

    private readonly int[][] _events = [new int[count], new int[count]];
    private readonly long[][] _latency = [new long[count], new long[count]];
    private readonly bool[] _connected = new bool[count];
    private readonly SemaphoreSlim _connecting = new(batch);
    private readonly int[] _received = new int[2];
    private readonly TaskCompletionSource[] _allReceived = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
    private int _connectedCount;
    private int _reconnects;
    private int _foreign;

    public sealed record Result(
        int Streams,
        double OpenSeconds,
        long HeapBytes,
        long LiveConnections,
        int ProcessSockets,
        long ActiveConnections,
        long IdleConnections,
        int ServerStreams,
        int ExactlyOwn,
        int Missing,
        int Extra,
        int Foreign,
        int Reconnects,
        Percentiles BurstLatency,
        Percentiles PacedLatency,
        long LiveAfterClose,
        int ProcessSocketsAfterClose,
        long IdleAfterClose);

    /// <summary>Opens the streams, publishes, checks, closes; <paramref name="baselineHeap"/> is the heap before any stream.</summary>
    public async Task<Result> RunAsync(long baselineHeap, int baselineSockets, Action<string> log)
    {
        using var stop = new CancellationTokenSource();
        var consumers = new Task[count];
        var opening = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await _connecting.WaitAsync().WaitAsync(PhaseTimeout);
            consumers[i] = ConsumeAsync(i, stop.Token);
            if ((i + 1) % 1000 == 0)
            {
                log($"  {i + 1} streams started, {Volatile.Read(ref _connectedCount)} connected, {counter.Live} sockets");
            }
        }

        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref _connectedCount) == count));
        await WaitUntilAsync(async () => await server.ActiveStreamsAsync() >= count);
        var openSeconds = opening.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the last responses settle
        var heap = LoadProgram.CollectedHeap() - baselineHeap;
        var live = counter.Live;
        var sockets = SocketCounter.CountProcessSockets() - baselineSockets;
        var active = counter.ActiveConnections;
        var idle = counter.IdleConnections;
        var serverStreams = await server.ActiveStreamsAsync();
        log($"  all {count} connected in {openSeconds:0.0} s: heap {heap / (double)count / 1024:0.00} KB per stream, {live} sockets (/proc: {sockets}), server streams {serverStreams}");

        await server.PublishAsync(1, from, count);
        await Received(0);
        log($"  event 1 (all at once) received by {Volatile.Read(ref _received[0])} of {count}");
        for (var wave = 0; wave < count; wave += WaveSize)
        {
            await server.PublishAsync(2, from + wave, Math.Min(WaveSize, count - wave));
            await Task.Delay(WaveInterval);
        }

        await Received(1);
        await Task.Delay(TimeSpan.FromSeconds(2)); // anything extra (a duplicate, another identity's event) arrives by now
        log($"  event 2 (in waves of {WaveSize}) received by {Volatile.Read(ref _received[1])} of {count}");

        await stop.CancelAsync();
        await Task.WhenAll(consumers).WaitAsync(PhaseTimeout);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var exactlyOwn = 0;
        var missing = 0;
        var extra = 0;
        for (var i = 0; i < count; i++)
        {
            exactlyOwn += _events[0][i] == 1 && _events[1][i] == 1 ? 1 : 0;
            missing += (_events[0][i] == 0 ? 1 : 0) + (_events[1][i] == 0 ? 1 : 0);
            extra += Math.Max(0, _events[0][i] - 1) + Math.Max(0, _events[1][i] - 1);
        }

        return new Result(count, openSeconds, heap, live, sockets, active, idle, serverStreams, exactlyOwn, missing, extra, _foreign, _reconnects,
            Latency(0), Latency(1), counter.Live, SocketCounter.CountProcessSockets() - baselineSockets, counter.IdleConnections);
    }

    private Percentiles Latency(int n) => Percentiles.FromTicks(_latency[n].Where((_, i) => _events[n][i] > 0));

    private Task Received(int n) => _allReceived[n].Task.WaitAsync(PhaseTimeout).ContinueWith(static _ => { }, TaskScheduler.Default);

    private async Task ConsumeAsync(int index, CancellationToken cancellationToken)
    {
        var identity = server.Identities[from + index];
        var options = new RaviEventStreamOptions();
        try
        {
            await foreach (var e in client.ForIdentity(identity).Events.StreamAsync(options, () => OnConnected(index), cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                using var data = JsonDocument.Parse(e.Data);
                var n = data.RootElement.GetProperty("n").GetInt32() - 1;
                if (e.EventType != "load" || data.RootElement.GetProperty("identity").GetString() != identity || n is not (0 or 1))
                {
                    Interlocked.Increment(ref _foreign);
                    continue;
                }

                if (Interlocked.Increment(ref _events[n][index]) == 1)
                {
                    _latency[n][index] = now - data.RootElement.GetProperty("sent").GetInt64();
                    if (Interlocked.Increment(ref _received[n]) == count)
                    {
                        _allReceived[n].TrySetResult();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // closed by the run
        }
    }

    private void OnConnected(int index)
    {
        if (_connected[index])
        {
            Interlocked.Increment(ref _reconnects);
            return;
        }

        _connected[index] = true;
        Interlocked.Increment(ref _connectedCount);
        _connecting.Release();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > PhaseTimeout)
            {
                throw new TimeoutException("The load phase did not reach its state in time.");
            }

            await Task.Delay(50);
        }
    }
}

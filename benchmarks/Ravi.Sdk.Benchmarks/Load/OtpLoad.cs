using System.Diagnostics;
using Ravi.Sdk.Otp;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>
/// N concurrent OTP waits (<see cref="OtpClient.WaitForSmsCodeAsync"/>, default transport: SSE with polling fallback), one per
/// identity, all started at once (or one every <c>stagger</c>); once every wait's stream is connected each identity gets one SMS with its own code. Sockets
/// are counted over the whole phase (the exact peak of live connections, and /proc/self/fd sampled), while the waits wait,
/// and after they all completed.
/// </summary>
internal sealed class OtpLoad(RaviClient client, LoadServerProcess server, SocketCounter counter, int count, TimeSpan stagger)
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(10);

    public sealed record Result(
        int Waits,
        long PeakConnections,
        int PeakProcessSockets,
        long WaitingConnections,
        long WaitingIdle,
        int Correct,
        int Wrong,
        int Failed,
        string? FirstError,
        Percentiles Latency,
        long LiveAfter,
        int ProcessSocketsAfter,
        long IdleAfter,
        long ActiveAfter,
        long Opened);

    public async Task<Result> RunAsync(int baselineSockets, Action<string> log)
    {
        counter.ResetPeak();
        var openedBefore = counter.Opened;
        using var sampling = new CancellationTokenSource();
        var procPeak = 0;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                procPeak = Math.Max(procPeak, SocketCounter.CountProcessSockets() - baselineSockets);
                await Task.Delay(10);
            }
        });

        var done = new long[count];
        var waits = new Task<OtpResult>[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            waits[i] = WaitAsync(server.Identities[i], done, index);
            if (stagger > TimeSpan.Zero)
            {
                await Task.Delay(stagger);
            }
        }

        var ready = Stopwatch.StartNew();
        while (await server.ActiveStreamsAsync() < count)
        {
            if (ready.Elapsed > PhaseTimeout)
            {
                throw new TimeoutException("The OTP waits' streams did not all connect.");
            }

            await Task.Delay(50);
        }

        // The catch-up polls (a few at a time, next to the streams) are over once no socket beyond the streams is seen for 1 s.
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromSeconds(1) && ready.Elapsed < PhaseTimeout)
        {
            if (counter.Live > count)
            {
                quiet.Restart();
            }

            await Task.Delay(10);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var waiting = counter.Live;
        var waitingIdle = counter.IdleConnections;
        log($"  {count} waits connected in {ready.Elapsed.TotalSeconds:0.0} s: {waiting} sockets ({waitingIdle} idle in the pool), peak so far {counter.Peak}");

        var sent = await server.InjectSmsAsync(0, count);
        var correct = 0;
        var wrong = 0;
        var failed = 0;
        string? firstError = null;
        for (var i = 0; i < count; i++)
        {
            try
            {
                var result = await waits[i].WaitAsync(PhaseTimeout);
                if (result.Code == LoadServer.CodeFor(i))
                {
                    correct++;
                }
                else
                {
                    wrong++;
                }
            }
            catch (Exception ex) when (ex is RaviException or TimeoutException)
            {
                failed++;
                firstError ??= $"{ex.GetType().Name}: {ex.Message}";
            }
        }

        var liveAfter = counter.Live;
        var idleAfter = counter.IdleConnections;
        var activeAfter = counter.ActiveConnections;
        var procAfter = SocketCounter.CountProcessSockets() - baselineSockets;
        await sampling.CancelAsync();
        await sampler;
        log($"  all {count} waits completed: {liveAfter} sockets left ({idleAfter} idle, {activeAfter} active), /proc: {procAfter}");
        return new Result(count, counter.Peak, procPeak, waiting, waitingIdle, correct, wrong, failed, firstError,
            Percentiles.FromTicks(done.Select((t, i) => t - sent[i]).Where((_, i) => done[i] != 0)), liveAfter, procAfter, idleAfter, activeAfter,
            counter.Opened - openedBefore);
    }

    private async Task<OtpResult> WaitAsync(string identity, long[] done, int index)
    {
        var result = await client.ForIdentity(identity).Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Timeout = PhaseTimeout });
        done[index] = Stopwatch.GetTimestamp();
        return result;
    }
}

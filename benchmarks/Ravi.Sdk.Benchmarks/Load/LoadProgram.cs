using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>
/// The scale program of issue 10 item 11 (see docs/performance.md): many identity-scoped event streams and many OTP waits
/// through one <see cref="RaviClient"/>, against a <see cref="Testing.RaviTestServer"/> in a child process.
/// <c>load [--streams N] [--otp N] [--batch N] [--otp-stagger-ms N]</c>; defaults 10,000 streams, 1,000 waits, 200 streams
/// connecting at a time, all waits started at once.
/// Exits 0 when every check and target holds, 1 otherwise.
/// </summary>
internal static class LoadProgram
{
    private const int WarmUpStreams = 16;
    private const long MaxHeapPerStream = 32 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var streams = Option(args, "--streams", 10_000);
        var waits = Option(args, "--otp", 1_000);
        var batch = Option(args, "--batch", 200);
        var stagger = TimeSpan.FromMilliseconds(Option(args, "--otp-stagger-ms", 0));
        if (waits > streams)
        {
            throw new ArgumentException("--otp cannot exceed --streams (the waits reuse the first identities).");
        }

        var fd = FileDescriptorLimit.RaiseToHardLimit();
        Log($"Ravi.Sdk load program: {streams} event streams, {waits} OTP waits, one RaviClient, server in a child process");
        Log($"  machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode})");
        Log($"  RLIMIT_NOFILE: soft {fd.Before} → {fd.After} (hard {fd.Hard}); load average {LoadAverage()}");

        await using var server = await LoadServerProcess.StartAsync(streams + WarmUpStreams);
        Log($"  server pid {server.ProcessId} at {server.BaseAddress}, {streams + WarmUpStreams} identities");
        using var counter = new SocketCounter();
        using var client = LoadClient.Create(server, counter);

        // Warm up on identities the measurement does not use: JIT, the pipeline, a pooled buffer or two.
        var warmUp = new StreamLoad(client, server, counter, streams, WarmUpStreams, WarmUpStreams);
        await warmUp.RunAsync(CollectedHeap(), SocketCounter.CountProcessSockets(), static _ => { });

        Log($"Bare HttpClient baseline: {streams} streams; load average {LoadAverage()}");
        var raw = await new RawStreamBaseline(server, 0, streams, batch).RunAsync(Log);

        var load = new StreamLoad(client, server, counter, 0, streams, batch);
        var baselineSockets = SocketCounter.CountProcessSockets();
        var baselineHeap = CollectedHeap();
        Log($"Event streams: baseline heap {baselineHeap / 1024.0 / 1024:0.0} MiB, {counter.Live} client sockets; load average {LoadAverage()}");
        var s = await load.RunAsync(baselineHeap, baselineSockets, Log);

        Log($"OTP waits{(stagger > TimeSpan.Zero ? $", one started every {stagger.TotalMilliseconds} ms" : ", all started at once")}: {counter.Live} client sockets before; load average {LoadAverage()}");
        var o = await new OtpLoad(client, server, counter, waits, stagger).RunAsync(SocketCounter.CountProcessSockets(), Log);

        var heapPerStream = s.HeapBytes / (double)s.Streams;
        var checks = new (string Name, bool Ok, string Detail)[]
        {
            ("streams: each received exactly its own events", s.ExactlyOwn == s.Streams && s.Foreign == 0 && s.Extra == 0,
                $"{s.ExactlyOwn} of {s.Streams} got their 2 events once each; {s.Missing} missing, {s.Extra} extra, {s.Foreign} foreign, {s.Reconnects} reconnects"),
            ("streams: managed heap per stream ≤ 32 KB", heapPerStream <= MaxHeapPerStream,
                $"{heapPerStream / 1024:0.00} KB ({s.HeapBytes / 1024.0 / 1024:0.0} MiB for {s.Streams}); a bare HttpClient stream: {raw.HeapBytes / (double)streams / 1024:0.00} KB"),
            ("streams: exactly one socket each", s.LiveConnections == s.Streams && s.ProcessSockets == s.Streams,
                $"{s.LiveConnections} connections (ConnectCallback), {s.ProcessSockets} sockets (/proc/self/fd), {s.ActiveConnections} active / {s.IdleConnections} idle (System.Net.Http metric), server: {s.ServerStreams} streams"),
            ("streams: delivery latency, event 1 to all streams at once", true, s.BurstLatency.ToString()),
            ($"streams: delivery latency, event 2 in waves of {StreamLoad.WaveSize} every {StreamLoad.WaveInterval.TotalMilliseconds} ms", true, s.PacedLatency.ToString()),
            ("streams: no socket left after closing", s.LiveAfterClose == 0 && s.ProcessSocketsAfterClose <= 0,
                $"{s.LiveAfterClose} connections, {s.ProcessSocketsAfterClose} sockets, {s.IdleAfterClose} idle"),
            ("otp: every wait got its own code", o.Correct == o.Waits, $"{o.Correct} of {o.Waits}; {o.Wrong} wrong, {o.Failed} failed{(o.FirstError is null ? "" : $" ({o.FirstError})")}"),
            ($"otp: at peak one socket per wait plus the client's {Ravi.Sdk.Resources.OtpClient.ConcurrentCatchUps} catch-up turns",
                o.PeakConnections <= o.Waits + Ravi.Sdk.Resources.OtpClient.ConcurrentCatchUps && o.PeakProcessSockets <= o.Waits + Ravi.Sdk.Resources.OtpClient.ConcurrentCatchUps,
                $"peak {o.PeakConnections} sockets = {o.PeakConnections / (double)o.Waits:0.000} per wait (exact, connecting ones included), /proc sampled peak {o.PeakProcessSockets}; while waiting {o.WaitingConnections} ({o.WaitingIdle} idle); {o.Opened} connections opened in all"),
            ("otp: no socket left idle afterwards", o.LiveAfter == 0 && o.IdleAfter == 0 && o.ProcessSocketsAfter <= 0,
                $"{o.LiveAfter} connections, {o.IdleAfter} idle, {o.ActiveAfter} active, {o.ProcessSocketsAfter} sockets (/proc)"),
            ("otp: injection → code in hand", true, o.Latency.ToString()),
        };

        Log("");
        Log($"Results (load average {LoadAverage()}):");
        foreach (var (name, ok, detail) in checks)
        {
            Log($"  [{(ok ? "ok" : "FAIL")}] {name}: {detail}");
        }

        return checks.All(c => c.Ok) ? 0 : 1;
    }

    /// <summary>The managed heap after full blocking, compacting collections (finalizers run in between).</summary>
    public static long CollectedHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

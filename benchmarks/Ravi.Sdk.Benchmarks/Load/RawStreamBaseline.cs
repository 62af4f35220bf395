using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>
/// The floor to compare the SDK's per-stream heap with: the same N event streams opened with a bare
/// <see cref="HttpClient"/> over a <see cref="SocketsHttpHandler"/> (headers read, then a zero-byte read before each read
/// into a pooled 4 KB buffer, nothing parsed). What it costs is SocketsHttpHandler's connection, the response and one
/// async loop per stream; what the SDK adds on top is its reader, parser, timers and identity view.
/// </summary>
internal sealed class RawStreamBaseline(LoadServerProcess server, int from, int count, int batch)
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(15);

    public async Task<(long HeapBytes, int Connected)> RunAsync(Action<string> log)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        using var connecting = new SemaphoreSlim(batch);
        var connected = 0;
        var baseline = LoadProgram.CollectedHeap();
        var readers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            await connecting.WaitAsync().WaitAsync(PhaseTimeout);
            readers[i] = ReadAsync(http, server.Identities[from + i], () =>
            {
                Interlocked.Increment(ref connected);
                connecting.Release();
            }, stop.Token);
        }

        var watch = Stopwatch.StartNew();
        while (Volatile.Read(ref connected) < count || await server.ActiveStreamsAsync() < count)
        {
            if (watch.Elapsed > PhaseTimeout)
            {
                throw new TimeoutException("The baseline streams did not all connect.");
            }

            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var heap = LoadProgram.CollectedHeap() - baseline;
        log($"  bare HttpClient streams: {count} connected, heap {heap / (double)count / 1024:0.00} KB per stream");
        await stop.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(PhaseTimeout);
        return (heap, connected);
    }

    private async Task ReadAsync(HttpClient http, string identity, Action connected, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/events/stream/");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.AccessToken);
            request.Headers.Add("X-Ravi-Identity", identity);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The baseline stream answered {(int)response.StatusCode}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            connected();
            while (true)
            {
                _ = await body.ReadAsync(Memory<byte>.Empty, cancellationToken); // waits for data without a buffer
                var buffer = ArrayPool<byte>.Shared.Rent(4096);
                var read = await body.ReadAsync(buffer, cancellationToken);
                ArrayPool<byte>.Shared.Return(buffer);
                if (read == 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // closed by the run
        }
    }
}

using System.Diagnostics.Metrics;
using Ravi.Sdk.TestSupport;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>
/// Counts the client's sockets three independent ways: the connections the transport's <c>ConnectCallback</c> opened and
/// that are not yet disposed (with their exact peak), the <c>socket:</c> entries in <c>/proc/self/fd</c> (the server runs in
/// another process, so every socket here is the client's), and System.Net.Http's own <c>http.client.open_connections</c>
/// metric, which tells idle pooled connections from active ones.
/// </summary>
internal sealed class SocketCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConnectionCounter _connections = new();
    private long _active;
    private long _idle;

    public SocketCounter()
    {
        _listener.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.open_connections")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, delta, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "http.connection.state")
                {
                    if (tag.Value as string == "idle")
                    {
                        Interlocked.Add(ref _idle, delta);
                    }
                    else
                    {
                        Interlocked.Add(ref _active, delta);
                    }
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Connections opened through <see cref="ConnectAsync"/> so far.</summary>
    public long Opened => _connections.Opened;

    /// <summary>Connections opened and not yet closed.</summary>
    public long Live => _connections.Live;

    /// <summary>The largest <see cref="Live"/> since the last <see cref="ResetPeak"/> (exact: tracked at every open).</summary>
    public long Peak => _connections.Peak;

    /// <summary>HTTP connections in use (System.Net.Http metric).</summary>
    public long ActiveConnections => Interlocked.Read(ref _active);

    /// <summary>HTTP connections idle in the pool (System.Net.Http metric).</summary>
    public long IdleConnections => Interlocked.Read(ref _idle);

    /// <summary>Starts a new peak measurement from the current live count.</summary>
    public void ResetPeak() => _connections.ResetPeak();

    /// <summary>The number of sockets this process has open, from <c>/proc/self/fd</c> (-1 where there is no procfs).</summary>
    public static int CountProcessSockets()
    {
        if (!Directory.Exists("/proc/self/fd"))
        {
            return -1;
        }

        var count = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(entry).LinkTarget is { } target && target.StartsWith("socket:", StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // closed while we looked
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return count;
    }

    /// <summary>The transport's <c>ConnectCallback</c>: the default connect, counted.</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        _connections.ConnectAsync(context, cancellationToken);

    public void Dispose() => _listener.Dispose();
}

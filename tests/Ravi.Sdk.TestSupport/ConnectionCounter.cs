using System.Net.Sockets;

namespace Ravi.Sdk.TestSupport;

/// <summary>
/// A <c>SocketsHttpHandler.ConnectCallback</c> that connects the way the handler does by default and counts: how many TCP
/// connections were opened, how many sockets are open now (from the moment one is created, connecting included, until the
/// connection pool disposes its connection) and the most that were open at once. Used by the
/// integration tests and the load program.
/// </summary>
public sealed class ConnectionCounter
{
    private int _opened;
    private int _live;
    private int _peak;

    /// <summary>Connections opened so far.</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Sockets open now (connecting or connected).</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>The most sockets open at once since the last <see cref="ResetPeak"/> (exact: tracked at every socket created).</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Starts measuring the peak again from the connections open now.</summary>
    public void ResetPeak() => Interlocked.Exchange(ref _peak, Live);

    /// <summary>The callback: a TCP connection with Nagle off, as the handler's own default connect makes.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var live = Interlocked.Increment(ref _live);
        int peak;
        while (live > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, live, peak) != peak)
        {
        }

        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _live);
            socket.Dispose();
            throw;
        }

        Interlocked.Increment(ref _opened);
        return new CountedStream(socket, this);
    }

    private sealed class CountedStream(Socket socket, ConnectionCounter owner) : NetworkStream(socket, ownsSocket: true)
    {
        private int _disposed;

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._live);
            }

            base.Dispose(disposing);
        }
    }
}

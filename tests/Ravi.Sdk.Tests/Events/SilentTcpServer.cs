using System.Net;
using System.Net.Sockets;

namespace Ravi.Sdk.Tests.Events;

/// <summary>A loopback server that accepts connections, reads what the client sends and never answers.</summary>
internal sealed class SilentTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Task _accepting;
    private int _accepted;
    private int _requests;

    public SilentTcpServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> requests were read up to the end of their headers.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Volatile.Read(ref _requests) < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        for (var i = 0; i < 100 && !_stop.IsCancellationRequested; i++)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_sockets)
            {
                _sockets.Add(socket);
            }

            Interlocked.Increment(ref _accepted);
            _ = ReadAsync(socket);
        }
    }

    /// <summary>Reads what the client sends (never answering) and counts a request once its headers have ended.</summary>
    private async Task ReadAsync(Socket socket)
    {
        var buffer = new byte[4096];
        var seen = new List<byte>();
        var counted = false;
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                if (!counted)
                {
                    seen.AddRange(buffer.AsSpan(0, read).ToArray());
                    if (System.Text.Encoding.ASCII.GetString([.. seen]).Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        counted = true;
                        Interlocked.Increment(ref _requests);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client left or the server stopped.
        }
    }
}

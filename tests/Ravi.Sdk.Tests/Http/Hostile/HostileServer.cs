using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>
/// A raw HTTP/1.1 server on a loopback address (127.0.0.1 plays the Ravi API, 127.0.0.2 a foreign host) where the test's
/// handler writes every byte of every response. Records every request it reads. Every loop is bounded: the accept loop and
/// each connection stop when the server is disposed, a connection serves at most <see cref="MaxRequestsPerConnection"/>
/// requests, and request heads and bodies are size-limited.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    public const int MaxRequestsPerConnection = 100_000;
    private const int MaxHead = 256 * 1024;
    private const int MaxBody = 4 * 1024 * 1024;

    public static readonly IPAddress Api = IPAddress.Loopback;
    public static readonly IPAddress Foreign = IPAddress.Parse("127.0.0.2");

    private readonly TcpListener _listener;
    private readonly Func<HostileExchange, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _acceptLoop;
    private int _connectionCount;

    private HostileServer(IPAddress address, Func<HostileExchange, Task> handler)
    {
        _handler = handler;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseAddress = new Uri($"http://{address}:{port}/");
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The server's origin, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request read, in order.</summary>
    public ConcurrentQueue<HostileRequest> Requests { get; } = new();

    /// <summary>How many connections were accepted.</summary>
    public int Connections => Volatile.Read(ref _connectionCount);

    /// <summary>Handler errors (a test should assert this is empty when the server is expected to behave).</summary>
    public ConcurrentQueue<Exception> Errors { get; } = new();

    public static HostileServer Start(IPAddress address, Func<HostileExchange, Task> handler) => new(address, handler);

    /// <summary>A URL on this server.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).AbsoluteUri;

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAny(Task.WhenAll([_acceptLoop, .. _connections]), Task.Delay(TimeSpan.FromSeconds(5)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            socket.NoDelay = true; // each response is written in pieces: no Nagle delay between them
            var id = Interlocked.Increment(ref _connectionCount);
            _connections.Add(Task.Run(() => ServeAsync(socket, id)));
        }
    }

    private async Task ServeAsync(Socket socket, int id)
    {
        using var registration = _stop.Token.Register(static s => ((Socket)s!).Close(), socket);
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            var reader = new HeadReader(stream);
            for (var served = 0; served < MaxRequestsPerConnection && !_stop.IsCancellationRequested; served++)
            {
                var request = await ReadRequestAsync(reader, id);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                var exchange = new HostileExchange(request, socket, stream, _stop.Token);
                await _handler(exchange);
                if (exchange.Closed)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server stopped.
        }
        catch (Exception ex)
        {
            Errors.Enqueue(ex);
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task<HostileRequest?> ReadRequestAsync(HeadReader reader, int connection)
    {
        var head = await reader.ReadHeadAsync(_stop.Token);
        if (head is null)
        {
            return null;
        }

        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3)
        {
            throw new InvalidDataException("Bad request line: " + lines[0]);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        if (headers.ContainsKey("Transfer-Encoding"))
        {
            throw new InvalidDataException("Chunked request bodies are not supported by the hostile server.");
        }

        var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (length > MaxBody)
        {
            throw new InvalidDataException("Request body too large.");
        }

        var body = await reader.ReadBodyAsync(length, _stop.Token);
        return new HostileRequest(parts[0], parts[1], headers, body, connection);
    }

    /// <summary>Reads request heads and bodies off a stream with its own small buffer.</summary>
    private sealed class HeadReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            var head = new List<byte>();
            while (true)
            {
                while (_start < _end)
                {
                    head.Add(_buffer[_start++]);
                    var n = head.Count;
                    if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n')
                    {
                        return Encoding.Latin1.GetString(head.ToArray(), 0, n - 4);
                    }

                    if (n > MaxHead)
                    {
                        throw new InvalidDataException("Request head too large.");
                    }
                }

                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }
        }

        public async Task<byte[]> ReadBodyAsync(int length, CancellationToken cancellationToken)
        {
            var body = new byte[length];
            var filled = 0;
            while (filled < length)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new IOException("The client closed the connection mid-body.");
                }

                var take = Math.Min(length - filled, _end - _start);
                Array.Copy(_buffer, _start, body, filled, take);
                _start += take;
                filled += take;
            }

            return body;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Ravi.Sdk.Events;

namespace Ravi.Sdk.Tests.Events;

/// <summary>The event stream over the SDK's own socket transport against a raw loopback HTTP/1.1 server.</summary>
public sealed class EventStreamWireTests : IDisposable
{
    private const string Identity = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public EventStreamWireTests() => _listener.Start();

    public void Dispose() => _listener.Stop();

    [Fact]
    public async Task NonAsciiLastEventIdIsSentAsUtf8()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var server = Task.Run(async () =>
        {
            using var first = await _listener.AcceptTcpClientAsync(timeout.Token);
            var firstHead = await ReadHeadAsync(first.GetStream(), timeout.Token);
            await WriteAsync(first.GetStream(), "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\nid: ü✓\ndata: a\n\n", timeout.Token);
            first.Close();

            using var second = await _listener.AcceptTcpClientAsync(timeout.Token);
            var secondHead = await ReadHeadAsync(second.GetStream(), timeout.Token);
            await WriteAsync(second.GetStream(), "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\nid: 2\ndata: b\n\n", timeout.Token);
            second.Close();
            return (firstHead, secondHead);
        });

        using var client = CreateClient();
        var events = new List<RaviEvent>();
        await foreach (var e in client.Events.StreamAsync(new RaviEventStreamOptions { LastEventId = "é" }, timeout.Token))
        {
            events.Add(e);
            if (events.Count == 2)
            {
                break;
            }
        }

        var (head1, head2) = await server;
        Assert.Equal(["ü✓", "2"], events.Select(e => e.Id));
        Assert.True(head1.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Last-Event-ID: é\r\n")) >= 0, Encoding.UTF8.GetString(head1));
        Assert.True(head2.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Last-Event-ID: ü✓\r\n")) >= 0, Encoding.UTF8.GetString(head2));
    }

    [Fact]
    public async Task DisposingTheEnumeratorClosesTheSocket()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Task.Run(async () =>
        {
            using var connection = await _listener.AcceptTcpClientAsync(timeout.Token);
            var stream = connection.GetStream();
            await ReadHeadAsync(stream, timeout.Token);
            await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n", timeout.Token);
            await WriteAsync(stream, Chunk("id: 1\ndata: a\n\n"), timeout.Token);
            var buffer = new byte[256];
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            closed.SetResult();
        });

        using var client = CreateClient();
        var e = client.Events.StreamAsync(cancellationToken: timeout.Token).GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.False(closed.Task.IsCompleted);

        await e.DisposeAsync();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await server;
    }

    private RaviClient CreateClient() => new(new RaviClientOptions
    {
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/"),
        AccessToken = "test-token",
        IdentityUuid = Identity,
        UseCliConfiguration = false,
    });

    private static string Chunk(string data)
    {
        var bytes = Encoding.UTF8.GetByteCount(data);
        return $"{bytes:X}\r\n{data}\r\n";
    }

    private static async Task WriteAsync(NetworkStream stream, string text, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    private static async Task<byte[]> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }

        return [.. head];
    }
}

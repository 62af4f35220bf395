using System.Net.Sockets;
using System.Text;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>
/// What a <see cref="HostileServer"/> handler gets for one request: the request, and the raw connection to answer on,
/// byte for byte (or not at all: close it, reset it, drip into it).
/// </summary>
internal sealed class HostileExchange
{
    private readonly Socket _socket;

    public HostileExchange(HostileRequest request, Socket socket, Stream stream, CancellationToken stopping)
    {
        Request = request;
        _socket = socket;
        Stream = stream;
        Stopping = stopping;
    }

    public HostileRequest Request { get; }

    /// <summary>The connection's stream: write raw bytes to it.</summary>
    public Stream Stream { get; }

    /// <summary>Cancelled when the server stops (every wait in a handler must observe it).</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Set once the handler closed or reset the connection: no further request is read from it.</summary>
    public bool Closed { get; private set; }

    public Task SendAsync(string raw) => SendAsync(Encoding.UTF8.GetBytes(raw));

    public async Task SendAsync(byte[] raw)
    {
        await Stream.WriteAsync(raw, Stopping);
        await Stream.FlushAsync(Stopping);
    }

    /// <summary>Writes a complete, well-formed response with <c>Content-Length</c> (the connection stays open).</summary>
    public Task RespondAsync(int status, string? json = null, params (string Name, string Value)[] headers)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        return RespondAsync(status, body, json is null ? null : "application/json", headers);
    }

    public async Task RespondAsync(int status, byte[] body, string? contentType, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(Reason(status)).Append("\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        await Stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), Stopping);
        await Stream.WriteAsync(body, Stopping);
        await Stream.FlushAsync(Stopping);
    }

    /// <summary>Sends a redirect to <paramref name="location"/>.</summary>
    public Task RedirectAsync(int status, string location) => RespondAsync(status, null, ("Location", location));

    /// <summary>Closes the connection gracefully (FIN) after what was written.</summary>
    public void Close()
    {
        Closed = true;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        _socket.Close();
    }

    /// <summary>Resets the connection (RST): linger 0, then close.</summary>
    public void Reset()
    {
        Closed = true;
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}

using System.Net.Sockets;

namespace Ravi.Sdk.Http;

/// <summary>
/// Which requests and failures may be retried. An email must never be sent twice, so a non-idempotent POST is retried only
/// on 429 (the server refused it) and on connection failures that provably happened before any byte was sent.
/// </summary>
internal static class RaviRetryClassifier
{
    /// <summary>Whether the request can be repeated without a second side effect.</summary>
    public static bool IsIdempotent(HttpRequestMessage request)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options ||
            method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace)
        {
            return true;
        }

        return request.Options.TryGetValue(RaviHeaders.IdempotentPost, out var idempotent) && idempotent;
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is a transport failure (connection, protocol, mid-body I/O, corrupt compressed
    /// body): retried for idempotent requests, and surfaced as <see cref="RaviConnectionException"/>.
    /// </summary>
    public static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or IOException or InvalidDataException;

    /// <summary>Whether the status is transient (408, 429, 500, 502, 503, 504).</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// Whether the failure provably happened before the request was sent: name resolution, connection establishment
    /// (refused, unreachable), TLS handshake or proxy tunnel.
    /// </summary>
    public static bool FailedBeforeSending(HttpRequestException exception)
    {
        if (exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            return true;
        }

        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;
            }
        }

        return false;
    }
}

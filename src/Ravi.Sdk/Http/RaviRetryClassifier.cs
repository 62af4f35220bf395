using System.Net.Sockets;

namespace Ravi.Sdk.Http;

/// <summary>
/// The SDK's one transient classifier: which requests and failures may be tried again (HTTP retries, event-stream
/// reconnects, OTP and device-flow polling). An email must never be sent twice, so a non-idempotent POST is retried only
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

    /// <summary>Whether the status is transient (408, 429, 500, 502, 503, 504): the one table for every retry, reconnect and poll.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// Whether a failed call is worth trying again later (the event stream's reconnects, OTP and device-flow polling): an
    /// API error with a transient status, a connection failure or timeout after the SDK's own retries, a transport failure,
    /// or a cancellation that is not the caller's (each caller checks its own token first). Everything else — a 4xx, a
    /// refused redirect, the SDK's other <see cref="RaviException"/>s — is not.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RaviApiException api => IsTransientStatus((int)api.StatusCode),
        RaviConnectionException or RaviRequestTimeoutException => true,
        RaviException => false,
        _ => IsTransportFailure(exception) || exception is OperationCanceledException,
    };

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

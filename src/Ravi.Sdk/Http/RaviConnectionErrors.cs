using System.Globalization;

namespace Ravi.Sdk.Http;

/// <summary>Builds <see cref="RaviConnectionException"/> from a transport failure: what happened, how many attempts, what to do. Never secrets.</summary>
internal static class RaviConnectionErrors
{
    /// <summary>The error for a call whose last attempt failed with <paramref name="failure"/>.</summary>
    /// <param name="request">The call's request (method and path are named, not the query string).</param>
    /// <param name="failure">The transport exception of the last attempt.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="mayHaveBeenProcessed">Whether a non-idempotent request may have reached the server (so it was not retried).</param>
    public static RaviConnectionException Create(HttpRequestMessage request, Exception failure, int attempts, bool mayHaveBeenProcessed)
    {
        var host = request.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Authority) : "the server";
        var count = attempts == 1 ? "1 attempt" : attempts.ToString(CultureInfo.InvariantCulture) + " attempts";
        var message = $"{RaviOrigin.Operation(request)} failed after {count}: {Describe(failure, host)}.";
        message += mayHaveBeenProcessed
            ? " The request was sent, so the server may have processed it; it was not retried (an email is never sent twice): check before sending again."
            : " Check the network, a proxy, or RaviClientOptions.BaseAddress, then try again.";
        return new RaviConnectionException(message, attempts, failure);
    }

    private static string Describe(Exception failure, string host) => failure switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"the host name of {host} could not be resolved",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => $"could not connect to {host}",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => $"the TLS handshake with {host} failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError } => "the proxy refused the tunnel",
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => $"{host} sent an invalid HTTP response",
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => $"{host} sent response headers over the client's limits",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } or HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } =>
            $"{host} closed the connection before the response was complete",
        HttpRequestException or HttpIOException => $"the connection to {host} failed",
        InvalidDataException => $"the compressed response body from {host} is corrupt",
        IOException => $"the connection to {host} was reset or closed mid-response",
        OperationCanceledException => "the transport gave up (a connect timeout, or the HttpClient's own Timeout)",
        _ => $"the exchange with {host} failed ({failure.GetType().Name})",
    };
}

namespace Ravi.Sdk;

/// <summary>
/// Where a handler added with <see cref="RaviClientOptions.AddPolicy(System.Net.Http.DelegatingHandler, RaviPipelinePosition)"/>
/// runs in the client's handler chain (outermost first):
/// <see cref="PerCall"/> handlers → send limiter, overall timeout, retries, attempt timeout, redirects → authentication →
/// <see cref="PerTry"/> handlers → logging and tracing of the wire attempt → body buffering → origin guard → the transport.
/// Handlers of one position run in the order they were added (the first added sees the request first).
/// </summary>
public enum RaviPipelinePosition
{
    /// <summary>
    /// Once per operation (one API call, one page of a list, one event-stream connection, one attachment upload), outside
    /// retries, token refreshes and redirects. The handler sees the request as the resource method built it (identity,
    /// <c>Accept</c> and <c>User-Agent</c> headers, no <c>Authorization</c>) and the final response; a header it adds goes out
    /// with every attempt. An error below it arrives as the SDK's <see cref="RaviException"/> (after retries).
    /// </summary>
    PerCall = 0,

    /// <summary>
    /// Once per request the SDK puts on the wire: every retry attempt, every replay after a token refresh, every redirect hop
    /// and the token refresh call itself, after authentication (the handler sees the final request, with
    /// <c>Authorization</c> for the API origin, and the response with its body already read). A request to another origin
    /// (the presigned attachment upload) reaches it without credentials or Ravi headers.
    /// </summary>
    PerTry = 1,
}

namespace Ravi.Sdk.Http;

/// <summary>
/// The innermost handler of the Ravi client's <c>IHttpClientFactory</c> chain (added by a handler-builder filter, below
/// every handler the user added to the builder <c>AddRavi</c> returns). A retrying or hedging handler there (for example
/// <c>AddStandardResilienceHandler()</c>) would resend a message the SDK deliberately did not retry — an email sent twice.
/// This handler refuses such a replay of a non-idempotent request with a <see cref="RaviException"/> that names the cause;
/// replays the SDK's own rules allow (idempotent requests, after a 429 or a connection that failed before sending) pass.
/// </summary>
internal sealed class RaviReplayGuardHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RaviHeaders.SendRecord, out var record) || record.Idempotent)
        {
            return base.SendAsync(request, cancellationToken);
        }

        return record.SendOnceAsync(() => base.SendAsync(request, cancellationToken), () => new RaviException(
            $"A handler added to the HttpClient builder that AddRavi returns (for example AddStandardResilienceHandler) tried to send " +
            $"{RaviOrigin.Operation(request)} again after it may have reached the server. The SDK refused: the server may already have " +
            "processed it, and an email is never sent twice. Remove retrying and hedging handlers from AddRavi's builder; the SDK " +
            "retries what is safe to retry by itself (see docs/resilience.md)."));
    }
}

using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>
/// Builds the handler chains requests go through, outermost first. Every API request:
/// <see cref="RaviResilienceHandler"/> (send limiter, overall timeout, retries, attempt timeout, redirects) →
/// <see cref="RaviTokenRefreshHandler"/> (bearer, proactive and 401 refresh, one replay) →
/// <see cref="RaviLoggingHandler"/> (one line per wire attempt) →
/// <see cref="RaviResponseBufferingHandler"/> (the body read inside the attempt, size-limited) →
/// <see cref="RaviOriginGuardHandler"/> (nothing of ours leaves the API origin; transport-followed redirects refused) →
/// the transport. Retries therefore re-run authentication, and a token refresh is one wire call that is never retried on
/// its own. Requests to other hosts (the presigned upload) take only the last two handlers.
/// </summary>
internal static class RaviHandlerChain
{
    /// <summary>Composes the SDK's handlers over <paramref name="transport"/>.</summary>
    /// <param name="pipeline">The pipeline the handlers serve.</param>
    /// <param name="transport">The innermost handler.</param>
    /// <param name="auth">The token handler, whose guarded refresh the pipeline hands out.</param>
    public static HttpMessageHandler Build(RaviPipeline pipeline, HttpMessageHandler transport, out RaviTokenRefreshHandler auth)
    {
        var logging = new RaviLoggingHandler(pipeline.LoggerFactory.CreateLogger(Diagnostics.RaviLogCategories.Http)) { InnerHandler = BuildWire(pipeline, transport) };
        auth = new RaviTokenRefreshHandler(pipeline) { InnerHandler = logging };
        return new RaviResilienceHandler(pipeline) { InnerHandler = auth };
    }

    /// <summary>The handlers every wire exchange goes through, also the anonymous ones: body buffering, then the origin guard.</summary>
    public static HttpMessageHandler BuildWire(RaviPipeline pipeline, HttpMessageHandler transport) =>
        new RaviResponseBufferingHandler(pipeline.Settings.MaxResponseBytes)
        {
            InnerHandler = new RaviOriginGuardHandler(pipeline.BaseAddress) { InnerHandler = transport },
        };
}

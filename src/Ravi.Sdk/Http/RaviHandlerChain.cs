using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>
/// Builds the handler chain every API request goes through, outermost first:
/// <see cref="RaviResilienceHandler"/> (send limiter, overall timeout, retries, attempt timeout) →
/// <see cref="RaviTokenRefreshHandler"/> (bearer, proactive and 401 refresh, one replay) →
/// <see cref="RaviLoggingHandler"/> (one line per wire attempt) → the transport.
/// Retries therefore re-run authentication, and a token refresh is one wire call that is never retried on its own.
/// </summary>
internal static class RaviHandlerChain
{
    /// <summary>Composes the SDK's handlers over <paramref name="transport"/>.</summary>
    public static HttpMessageHandler Build(RaviPipeline pipeline, HttpMessageHandler transport)
    {
        var logging = new RaviLoggingHandler(pipeline.LoggerFactory.CreateLogger("Ravi.Sdk.Http")) { InnerHandler = transport };
        var auth = new RaviTokenRefreshHandler(pipeline) { InnerHandler = logging };
        return new RaviResilienceHandler(pipeline) { InnerHandler = auth };
    }
}

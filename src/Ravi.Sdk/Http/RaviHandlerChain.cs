using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>
/// Builds the handler chain every request goes through, outermost first:
/// the <see cref="RaviPipelinePosition.PerCall"/> handlers added with <c>RaviClientOptions.AddPolicy</c> →
/// <see cref="RaviResilienceHandler"/> (send limiter, overall timeout, retries, attempt timeout, redirects) →
/// <see cref="RaviTokenRefreshHandler"/> (bearer for the API origin only, proactive and 401 refresh, one replay) →
/// the <see cref="RaviPipelinePosition.PerTry"/> handlers →
/// <see cref="RaviLoggingHandler"/> (one line, span and metric per wire attempt) →
/// <see cref="RaviResponseBufferingHandler"/> (the body read inside the attempt, size-limited) →
/// <see cref="RaviOriginGuardHandler"/> (nothing of ours leaves the API origin; transport-followed redirects refused) →
/// the transport (then, under <c>AddRavi</c>, the factory's handlers and <see cref="RaviReplayGuardHandler"/>).
/// Retries therefore re-run authentication, and a token refresh is one wire call that is never retried on its own.
/// Requests to other hosts (the presigned upload) take the same chain and leave without credentials.
/// Each user handler is wrapped by a <see cref="RaviPolicyGuard"/>, and each position ends in a <see cref="RaviPolicyExit"/>.
/// </summary>
internal static class RaviHandlerChain
{
    /// <summary>Composes the SDK's handlers and the user's over <paramref name="transport"/>.</summary>
    /// <param name="pipeline">The pipeline the handlers serve.</param>
    /// <param name="transport">The innermost handler.</param>
    /// <param name="auth">The token handler, whose guarded refresh the pipeline hands out.</param>
    /// <exception cref="ArgumentException">A handler added with <c>AddPolicy</c> cannot be used (see <see cref="RaviPolicyRegistration"/>).</exception>
    public static HttpMessageHandler Build(RaviPipeline pipeline, HttpMessageHandler transport, out RaviTokenRefreshHandler auth)
    {
        var policies = pipeline.Settings.Policies;
        var perCall = Create(policies, RaviPipelinePosition.PerCall);
        var perTry = Create(policies, RaviPipelinePosition.PerTry);
        var wire = new RaviResponseBufferingHandler(pipeline.Settings.MaxResponseBytes)
        {
            InnerHandler = new RaviOriginGuardHandler(pipeline.BaseAddress) { InnerHandler = transport },
        };
        var logging = new RaviLoggingHandler(pipeline.LoggerFactory.CreateLogger("Ravi.Sdk.Http")) { InnerHandler = wire };
        auth = new RaviTokenRefreshHandler(pipeline) { InnerHandler = Compose(perTry, RaviPipelinePosition.PerTry, logging) };
        var resilience = new RaviResilienceHandler(pipeline) { InnerHandler = auth };
        return Compose(perCall, RaviPipelinePosition.PerCall, resilience);
    }

    private static List<DelegatingHandler>? Create(IReadOnlyList<RaviPolicyRegistration> policies, RaviPipelinePosition position)
    {
        List<DelegatingHandler>? handlers = null;
        foreach (var policy in policies)
        {
            if (policy.Position == position)
            {
                (handlers ??= []).Add(policy.CreateHandler());
            }
        }

        return handlers;
    }

    private static HttpMessageHandler Compose(List<DelegatingHandler>? handlers, RaviPipelinePosition position, HttpMessageHandler inner)
    {
        if (handlers is null)
        {
            return inner;
        }

        var faults = new RaviPolicyFaults();
        HttpMessageHandler next = new RaviPolicyExit(faults, position, inner);
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = next;
            next = new RaviPolicyGuard(faults, position, handlers[i]);
        }

        return next;
    }
}

using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>
/// The handler chain every request goes through, with its transport's lifetime (it disposes the handlers and, when it owns
/// it, the transport). Outermost first:
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
internal sealed class RaviHandlerChain : IDisposable
{
    private readonly HttpMessageHandler _chain;
    private readonly HttpMessageInvoker _invoker;
    private readonly bool _ownsTransport;
    private int _disposed;

    /// <summary>Composes the SDK's handlers and the user's over <paramref name="transport"/>.</summary>
    /// <param name="settings">What the handlers read.</param>
    /// <param name="transport">The innermost handler (sockets, or forwarding to a caller's HttpClient).</param>
    /// <param name="ownsTransport">Whether the chain disposes <paramref name="transport"/> (also when building fails).</param>
    /// <exception cref="ArgumentException">A handler added with <c>AddPolicy</c> cannot be used (see <see cref="RaviPolicyRegistration"/>).</exception>
    public RaviHandlerChain(RaviHandlerSettings settings, HttpMessageHandler transport, bool ownsTransport)
    {
        _ownsTransport = ownsTransport;
        try
        {
            _chain = Build(settings, transport, out var auth);
            Refresh = auth.Refresh;
        }
        catch when (ownsTransport)
        {
            transport.Dispose(); // a handler added with AddPolicy could not be used: the client is not built
            throw;
        }

        _invoker = new HttpMessageInvoker(_chain, disposeHandler: false);
    }

    /// <summary>Renews a refresh token the way the token handler does (sent at most once); for <c>Auth.RefreshTokenAsync</c>.</summary>
    public Auth.RaviTokenRefreshCallback Refresh { get; }

    /// <summary>Sends a request through the whole chain.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _invoker.Dispose();
        if (_ownsTransport)
        {
            // DelegatingHandler.Dispose disposes its inner handler, so this reaches the handlers added with AddPolicy and
            // the transport. A transport we do not own is left alone: InnerHandler cannot be detached once a request was
            // sent, so the chain is left to the GC.
            _chain.Dispose();
        }
    }

    private static HttpMessageHandler Build(RaviHandlerSettings settings, HttpMessageHandler transport, out RaviTokenRefreshHandler auth)
    {
        var policies = settings.Settings.Policies;
        var perCall = Create(policies, RaviPipelinePosition.PerCall);
        var perTry = Create(policies, RaviPipelinePosition.PerTry);
        var wire = new RaviResponseBufferingHandler(settings.Settings.MaxResponseBytes)
        {
            InnerHandler = new RaviOriginGuardHandler(settings.BaseAddress) { InnerHandler = transport },
        };
        var logging = new RaviLoggingHandler(settings.LoggerFactory.CreateLogger(Diagnostics.RaviLogCategories.Http)) { InnerHandler = wire };
        auth = new RaviTokenRefreshHandler(settings) { InnerHandler = Compose(perTry, RaviPipelinePosition.PerTry, logging) };
        var resilience = new RaviResilienceHandler(settings) { InnerHandler = auth };
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

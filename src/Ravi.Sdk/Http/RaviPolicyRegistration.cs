namespace Ravi.Sdk.Http;

/// <summary>
/// One handler added with <see cref="RaviClientOptions.AddPolicy(DelegatingHandler, RaviPipelinePosition)"/>: either an
/// instance (a <see cref="DelegatingHandler"/> holds its <see cref="DelegatingHandler.InnerHandler"/>, so it can be part of
/// one client's chain only) or a factory called once per client. Copies of the options share the registration, so an
/// instance is handed out once however often the options are copied.
/// </summary>
internal sealed class RaviPolicyRegistration
{
    private readonly DelegatingHandler? _instance;
    private readonly Func<DelegatingHandler>? _factory;
    private int _claimed;

    public RaviPolicyRegistration(DelegatingHandler instance, RaviPipelinePosition position)
    {
        _instance = instance;
        Position = position;
    }

    public RaviPolicyRegistration(Func<DelegatingHandler> factory, RaviPipelinePosition position)
    {
        _factory = factory;
        Position = position;
    }

    public RaviPipelinePosition Position { get; }

    /// <summary>Whether this registration holds <paramref name="handler"/> itself.</summary>
    public bool Holds(DelegatingHandler handler) => ReferenceEquals(_instance, handler);

    /// <summary>The handler for a new client's chain; an <see cref="ArgumentException"/> (about the options) when there is none to give.</summary>
    public DelegatingHandler CreateHandler()
    {
        if (_factory is not null)
        {
            var created = _factory() ?? throw new ArgumentException(
                $"The handler factory passed to RaviClientOptions.AddPolicy (position {Position}) returned null.");
            return EnsureUnused(created, "returned a handler that is already part of a handler chain; return a new instance on every call");
        }

        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            throw new ArgumentException(
                $"The handler {_instance!.GetType().Name} passed to RaviClientOptions.AddPolicy (position {Position}) is already used by another " +
                "RaviClient: a DelegatingHandler can be part of one handler chain only. Use AddPolicy(() => new YourHandler(), position) " +
                "so that each client gets its own instance.");
        }

        return EnsureUnused(_instance!, "is already part of another handler chain (its InnerHandler is set); add a new instance, or a factory");
    }

    public static void CheckUnused(DelegatingHandler handler, string paramName)
    {
        if (handler.InnerHandler is not null)
        {
            throw new ArgumentException(
                $"The handler {handler.GetType().Name} already has an InnerHandler: it is part of another handler chain. Pass a new instance " +
                "(or a factory) to RaviClientOptions.AddPolicy; the SDK sets InnerHandler itself.",
                paramName);
        }
    }

    private DelegatingHandler EnsureUnused(DelegatingHandler handler, string why)
    {
        if (handler.InnerHandler is not null)
        {
            throw new ArgumentException($"The handler {handler.GetType().Name} passed to RaviClientOptions.AddPolicy (position {Position}) {why}.");
        }

        return handler;
    }
}

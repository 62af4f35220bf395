using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Events;

/// <summary>The real-time event stream: <c>GET /api/events/stream/</c> (SSE). Requires an identity.</summary>
public class EventsClient
{
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected EventsClient()
    {
    }

    internal EventsClient(RaviScope scope) => _scope = scope;

    internal RaviScope Scope => _scope;
}

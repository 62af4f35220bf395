using Ravi.Sdk.Events;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Resources;

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

    /// <summary>
    /// Streams the identity's events (<c>GET /api/events/stream/</c>) as they happen, for as long as you enumerate.
    /// Inbound email comes as <see cref="EmailReceived"/>, SMS as <see cref="SmsReceived"/>, anything else as
    /// <see cref="RaviRawEvent"/>.
    /// </summary>
    /// <remarks>
    /// The stream survives interruptions: on end of stream, network errors, 5xx/408/429/401 answers (the token is
    /// refreshed by the client) and connections silent for longer than <see cref="RaviEventStreamOptions.KeepAliveTimeout"/>
    /// it reconnects (after the server's <c>retry</c>, else with exponential backoff and jitter) and sends
    /// <c>Last-Event-ID</c>, so nothing is lost; an event id is never yielded twice. A <c>204 No Content</c> answer ends
    /// the enumeration; other client errors (400, 403, 404…) are thrown. Disposing the enumerator closes the connection at
    /// once; cancelling <paramref name="cancellationToken"/> ends the enumeration with <see cref="OperationCanceledException"/>.
    /// </remarks>
    /// <param name="options">Resume point and reconnect settings; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity (thrown by this call, before enumerating).</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public virtual IAsyncEnumerable<RaviEvent> StreamAsync(RaviEventStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = options?.Clone() ?? new RaviEventStreamOptions();
        settings.Validate(nameof(options));
        _scope.RequireIdentity(HttpMethod.Get, RaviEventStreamReader.Path, IdentityScope.Required);
        return new RaviEventStreamReader(_scope, settings).ReadAsync(cancellationToken);
    }
}

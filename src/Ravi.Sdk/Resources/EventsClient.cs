using System.Runtime.CompilerServices;
using Ravi.Sdk.Events;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Resources;

/// <summary>The real-time event stream: <c>GET /api/events/stream/</c> (SSE). Requires an identity.</summary>
public class EventsClient
{
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
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
    /// Per-call headers and a response callback go in <see cref="RaviEventStreamOptions.RequestOptions"/> (this signature
    /// is fixed by the SDK's compatibility contract).
    /// </remarks>
    /// <param name="options">Resume point, reconnect settings and request options; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity (thrown by this call, before enumerating).</exception>
    /// <exception cref="ArgumentException">An option is invalid (thrown by this call, before enumerating).</exception>
    /// <exception cref="RaviApiException">While enumerating: the server refused the stream with a client error (400, 403, 404…), or kept failing past <see cref="RaviEventStreamOptions.MaxReconnectAttempts"/>.</exception>
    /// <exception cref="RaviConnectionException">While enumerating: the connection kept failing past <see cref="RaviEventStreamOptions.MaxReconnectAttempts"/>.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: a cancellation token was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The instance was created for mocking and this member is not overridden.</exception>
    public virtual IAsyncEnumerable<RaviEvent> StreamAsync(RaviEventStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return Open(options, onConnected: null, cancellationToken);
    }

    /// <summary>
    /// <see cref="StreamAsync(RaviEventStreamOptions?, CancellationToken)"/>, calling <paramref name="onConnected"/> (on the
    /// enumerating thread) each time a connection is established: how an OTP wait knows when to catch up.
    /// </summary>
    internal IAsyncEnumerable<RaviEvent> StreamAsync(RaviEventStreamOptions? options, Action onConnected, CancellationToken cancellationToken)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return Open(options, onConnected, cancellationToken);
    }

    private IAsyncEnumerable<RaviEvent> Open(RaviEventStreamOptions? options, Action? onConnected, CancellationToken cancellationToken)
    {
        var settings = options?.Clone() ?? new RaviEventStreamOptions();
        settings.Validate(nameof(options));
        if (settings.RequestOptions is { } requestOptions)
        {
            RaviCallOptions.Check(requestOptions, nameof(options));
            settings.RequestOptions = requestOptions.Clone();
        }

        _scope.RequireIdentity(HttpMethod.Get, RaviEventStreamReader.Path, IdentityScope.Required);
        var reader = new RaviEventStreamReader(_scope, settings, onConnected);
        return settings.RequestOptions is { CancellationToken.CanBeCanceled: true } linked
            ? ReadLinkedAsync(reader, linked, cancellationToken)
            : reader.ReadAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<RaviEvent> ReadLinkedAsync(RaviEventStreamReader reader, RaviRequestOptions requestOptions, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = RaviCallOptions.Link(requestOptions, cancellationToken);
        await foreach (var e in reader.ReadAsync(call.Token).ConfigureAwait(false))
        {
            yield return e;
        }
    }
}

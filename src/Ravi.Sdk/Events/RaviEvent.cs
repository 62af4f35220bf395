namespace Ravi.Sdk.Events;

/// <summary>
/// One event dispatched by the Ravi event stream (<c>GET /api/events/stream/</c>). Known types come as
/// <see cref="EmailReceived"/> and <see cref="SmsReceived"/>; anything else (or a known type whose data could not be
/// read) as <see cref="RaviRawEvent"/>. Immutable once built; the derived types are built with object initializers
/// (<c>new SmsReceived { ConversationId = "c1", Data = "{…}", Id = "7" }</c>), so a property added later breaks no caller.
/// </summary>
public class RaviEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="eventType">The event type (<c>message</c> when the server named none).</param>
    /// <param name="data">The event's data (its <c>data</c> lines joined with LF).</param>
    /// <param name="id">The event id (the stream's last event id when it was dispatched), or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> or <paramref name="data"/> is null.</exception>
    public RaviEvent(string eventType, string data, string? id)
        : this(eventType)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        Id = id;
    }

    /// <summary>Creates an event of a type; set <see cref="Data"/> and <see cref="Id"/> with an object initializer.</summary>
    /// <param name="eventType">The event type.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> is null.</exception>
    protected RaviEvent(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        EventType = eventType;
    }

    /// <summary>The event type, e.g. <c>email</c> or <c>sms</c> (see <see cref="RaviEventTypes"/>).</summary>
    public string EventType { get; }

    /// <summary>The raw data of the event (JSON for the Ravi event types); empty when not set.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public string Data { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = string.Empty;

    /// <summary>
    /// The event id: the stream's last event id when the event was dispatched (the WHATWG <c>lastEventId</c>), or null
    /// when the server has not sent one. Reconnections resume after the last event id that was dispatched.
    /// </summary>
    public string? Id { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name} {{ EventType = {EventType}, Id = {Id ?? "none"} }}";
}

namespace Ravi.Sdk.Events;

/// <summary>
/// An event of a type the SDK does not model (or of a known type whose data was not valid JSON for it); read
/// <see cref="RaviEvent.Data"/> yourself.
/// </summary>
public sealed class RaviRawEvent : RaviEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="data">The raw data.</param>
    /// <param name="id">The event id, or null.</param>
    public RaviRawEvent(string eventType, string data, string? id)
        : base(eventType, data, id)
    {
    }
}

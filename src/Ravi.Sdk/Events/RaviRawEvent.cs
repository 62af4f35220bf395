namespace Ravi.Sdk.Events;

/// <summary>
/// An event of a type the SDK does not model (or of a known type whose data was not valid JSON for it); read
/// <see cref="RaviEvent.Data"/> yourself.
/// </summary>
public sealed class RaviRawEvent : RaviEvent
{
    /// <summary>Creates the event; set <see cref="RaviEvent.Data"/> and <see cref="RaviEvent.Id"/> with an object initializer.</summary>
    /// <param name="eventType">The event type.</param>
    /// <exception cref="ArgumentNullException"><paramref name="eventType"/> is null.</exception>
    public RaviRawEvent(string eventType)
        : base(eventType)
    {
    }
}

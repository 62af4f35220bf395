namespace Ravi.Sdk.Events;

/// <summary>
/// An event-stream event or line exceeded <see cref="RaviEventStreamOptions.MaxEventSize"/>. Internal: the reader drops
/// the connection and reconnects; after its last attempt it surfaces as the cause of a <see cref="RaviConnectionException"/>.
/// </summary>
internal sealed class SseEventTooLargeException : Exception
{
    private SseEventTooLargeException(string message)
        : base(message)
    {
    }

    public static SseEventTooLargeException ForData(int limit) =>
        new($"An event's data is larger than the {limit}-byte limit (RaviEventStreamOptions.MaxEventSize).");

    public static SseEventTooLargeException ForLine(int limit) =>
        new($"An event-stream line is longer than the {limit}-byte limit (RaviEventStreamOptions.MaxEventSize).");
}

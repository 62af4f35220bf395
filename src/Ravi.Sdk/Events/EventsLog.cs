using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Events;

/// <summary>Source-generated log messages of the event stream. None carries a secret (no tokens, no event data).</summary>
internal static partial class EventsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Event stream connected (resuming after id {LastEventId})")]
    public static partial void Connected(ILogger logger, string? lastEventId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Event stream reconnecting in {DelayMs} ms (attempt {Attempt}): {Reason}")]
    public static partial void Reconnecting(ILogger logger, long delayMs, int attempt, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Event stream stopped: the server answered 204 No Content")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Event stream skipped a replayed event (id {EventId}, resume point {LastEventId})")]
    public static partial void SkippedDuplicate(ILogger logger, string? eventId, string? lastEventId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Event stream dropped the connection: {Reason}; reconnecting (raise RaviEventStreamOptions.MaxEventSize if such events are expected)")]
    public static partial void EventTooLarge(ILogger logger, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Event stream: the server's event ids started over (id {EventId} after {LastEventId}); treating it as a restart")]
    public static partial void CounterRestarted(ILogger logger, string eventId, string? lastEventId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Event stream gave up after {Attempts} failed reconnect attempts")]
    public static partial void GaveUp(ILogger logger, int attempts);
}

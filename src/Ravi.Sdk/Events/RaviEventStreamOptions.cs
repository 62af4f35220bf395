namespace Ravi.Sdk.Events;

/// <summary>How <see cref="Resources.EventsClient.StreamAsync(RaviEventStreamOptions?, CancellationToken)"/> connects and reconnects.</summary>
public sealed class RaviEventStreamOptions
{
    /// <summary>The default <see cref="KeepAliveTimeout"/>: twice the server's 30 s keepalive.</summary>
    public static readonly TimeSpan DefaultKeepAliveTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default <see cref="MaxEventSize"/>: 1 MiB.</summary>
    public const int DefaultMaxEventSize = 1024 * 1024;

    /// <summary>The default <see cref="DeduplicationWindow"/>: the last 512 events that carried an id.</summary>
    public const int DefaultDeduplicationWindow = 512;

    /// <summary>
    /// Resume after this event id (sent as <c>Last-Event-ID</c> on the first connection); until the first event is yielded,
    /// events with this id or, for numeric ids, a lower one are taken for replays and not yielded. Null to start with new
    /// events only.
    /// </summary>
    public string? LastEventId { get; set; }

    /// <summary>
    /// Reconnect when no byte (event or keepalive comment) arrives for this long, also while waiting for the response
    /// headers. Default 60 s (twice the server's 30 s keepalive); <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = DefaultKeepAliveTimeout;

    /// <summary>
    /// The first backoff delay after a failed connection (it doubles per consecutive failure, with jitter). After a
    /// connection that delivered events ends, the first reconnect is immediate unless the server sent <c>retry</c>.
    /// Default 1 s.
    /// </summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before one reconnect, including a server's <c>retry</c> or <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many consecutive reconnects may fail (no event dispatched in between) before the enumeration ends: with the last
    /// <see cref="RaviApiException"/> when the server answered with an error status, else with a
    /// <see cref="RaviConnectionException"/> (no answer, a silent connection, a network failure, an oversized event) whose
    /// message and <see cref="RaviConnectionException.Attempts"/> say how many attempts were made.
    /// <see cref="Timeout.Infinite"/> (the default) reconnects for ever, 0 never reconnects.
    /// </summary>
    public int MaxReconnectAttempts { get; set; } = Timeout.Infinite;

    /// <summary>
    /// Extra headers, a second cancellation token and a response callback (called once per connection, with its status and
    /// headers) for the stream's requests. Their timeouts do not apply: a stream is long-lived (see
    /// <see cref="KeepAliveTimeout"/>). Null for none.
    /// </summary>
    public RaviRequestOptions? RequestOptions { get; set; }

    /// <summary>
    /// The largest event the reader accepts, in bytes of UTF-8: its <c>data</c> lines joined, and each line of the stream
    /// (a little room is added for the field name). A bigger event is never buffered whole: the reader drops the
    /// connection at once, logs a warning and reconnects with <c>Last-Event-ID</c> (the oversized event is not delivered and
    /// not counted as received). Default <see cref="DefaultMaxEventSize"/> (1 MiB); must be positive.
    /// </summary>
    public int MaxEventSize { get; set; } = DefaultMaxEventSize;

    /// <summary>
    /// How many recent events that carried their own <c>id</c> the reader remembers (id, type and data) to recognise
    /// replays, whatever the id scheme. Default <see cref="DefaultDeduplicationWindow"/>; 0 remembers none (then only
    /// growing numeric ids are recognised). See the id rule in the events documentation.
    /// </summary>
    public int DeduplicationWindow { get; set; } = DefaultDeduplicationWindow;

    /// <summary>Copies these options.</summary>
    /// <returns>A shallow copy.</returns>
    public RaviEventStreamOptions Clone() => (RaviEventStreamOptions)MemberwiseClone();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    /// <param name="paramName">The parameter name to report.</param>
    internal void Validate(string paramName)
    {
        if (LastEventId is not null && LastEventId.AsSpan().IndexOfAny('\0', '\r', '\n') >= 0)
        {
            throw new ArgumentException($"{nameof(LastEventId)} must not contain NUL, CR or LF.", paramName);
        }

        if (KeepAliveTimeout <= TimeSpan.Zero && KeepAliveTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{nameof(KeepAliveTimeout)} must be positive or Timeout.InfiniteTimeSpan (off).", paramName);
        }

        if (InitialReconnectDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(InitialReconnectDelay)} must not be negative.", paramName);
        }

        if (MaxReconnectDelay < InitialReconnectDelay)
        {
            throw new ArgumentException($"{nameof(MaxReconnectDelay)} must not be less than {nameof(InitialReconnectDelay)}.", paramName);
        }

        if (MaxReconnectAttempts < 0 && MaxReconnectAttempts != Timeout.Infinite)
        {
            throw new ArgumentException($"{nameof(MaxReconnectAttempts)} must be 0 or more, or Timeout.Infinite (no limit).", paramName);
        }

        if (MaxEventSize <= 0)
        {
            throw new ArgumentException($"{nameof(MaxEventSize)} must be positive.", paramName);
        }

        if (DeduplicationWindow < 0)
        {
            throw new ArgumentException($"{nameof(DeduplicationWindow)} must not be negative.", paramName);
        }
    }
}

using Ravi.Sdk.Testing.Internal;

namespace Ravi.Sdk.Testing;

public sealed partial class RaviTestServer
{
    /// <summary>
    /// Answers the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> and a JSON error body
    /// (<c>{detail, code}</c>, plus <c>retry_after_seconds</c> and a <c>Retry-After</c> header when given) <em>before</em>
    /// running them, so a failed compose sends nothing.
    /// </summary>
    /// <param name="count">How many requests to fail.</param>
    /// <param name="statusCode">The status to answer (e.g. 429, 500, 503).</param>
    /// <param name="retryAfterSeconds">When set, sent as <c>retry_after_seconds</c> and <c>Retry-After</c>.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this (e.g. <c>/api/email-messages/</c>); <see langword="null"/> for all.</param>
    /// <param name="method">Only requests with this method (e.g. <c>POST</c>); <see langword="null"/> for all.</param>
    /// <param name="code">The body's <c>code</c>; <see langword="null"/> for the usual one for the status (e.g. <c>rate_limited</c>).</param>
    public void FailNext(int count, int statusCode, int? retryAfterSeconds = null, string? pathPrefix = null, string? method = null, string? code = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ValidateStatus(statusCode);
        if (retryAfterSeconds is { } seconds)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(retryAfterSeconds));
        }

        _state.Faults.Add(new FaultRule
        {
            Kind = FaultKind.FailBefore,
            Remaining = count,
            StatusCode = statusCode,
            RetryAfterSeconds = retryAfterSeconds,
            Code = code,
            PathPrefix = pathPrefix,
            Method = method,
        });
    }

    /// <summary>
    /// Runs the next <paramref name="count"/> matching requests, then throws their response away and answers
    /// <paramref name="statusCode"/> instead: the side effect happened (e.g. the email was sent) but the client sees an error.
    /// Use it to prove a client never retries a POST after a 5xx. Event streams are not affected.
    /// </summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">The status to answer. Default 500.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this; <see langword="null"/> for all.</param>
    /// <param name="method">Only requests with this method; <see langword="null"/> for all.</param>
    public void FailAfterExecute(int count, int statusCode = 500, string? pathPrefix = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ValidateStatus(statusCode);
        _state.Faults.Add(new FaultRule
        {
            Kind = FaultKind.FailAfter,
            Remaining = count,
            StatusCode = statusCode,
            PathPrefix = pathPrefix,
            Method = method,
        });
    }

    /// <summary>
    /// Holds the next <paramref name="count"/> matching requests for <paramref name="delay"/> (on the server's
    /// <see cref="TimeProvider"/>) before running them; a client that gives up meanwhile is not waited for.
    /// </summary>
    /// <param name="count">How many requests.</param>
    /// <param name="delay">How long to hold each.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this; <see langword="null"/> for all.</param>
    /// <param name="method">Only requests with this method; <see langword="null"/> for all.</param>
    public void DelayNext(int count, TimeSpan delay, string? pathPrefix = null, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _state.Faults.Add(new FaultRule
        {
            Kind = FaultKind.Delay,
            Remaining = count,
            Delay = delay,
            PathPrefix = pathPrefix,
            Method = method,
        });
    }

    /// <summary>
    /// Cuts the next event-stream connection to write (an open one at its next write, or the next one opened) after it
    /// has written <paramref name="events"/> more complete events. One-shot; a later stream fault replaces a pending one.
    /// </summary>
    /// <param name="events">Complete events to write first (0 cuts before the next one).</param>
    /// <param name="graceful">End the response normally (clean end of stream) instead of aborting the connection.</param>
    public void DropStreamAfterEvents(int events, bool graceful = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        _state.Faults.ArmStream(new StreamFault(StreamFaultKind.DropAfterEvents, events, graceful));
    }

    /// <summary>
    /// Aborts the next event-stream connection to write after exactly <paramref name="bytes"/> more bytes of the stream body
    /// (counting <c>retry:</c>, events and keepalive comments), possibly in the middle of an event or a line. One-shot.
    /// </summary>
    /// <param name="bytes">Bytes to write first (when armed before connecting: from the start of the body).</param>
    public void DropStreamAtByte(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        _state.Faults.ArmStream(new StreamFault(StreamFaultKind.DropAtByte, bytes, Graceful: false));
    }

    /// <summary>
    /// Makes the next event-stream connection to write an event send it without its terminating blank line and then abort:
    /// a conforming reader discards it and gets it again after reconnecting with <c>Last-Event-ID</c>. One-shot.
    /// </summary>
    public void SendPartialEventThenDrop() => _state.Faults.ArmStream(new StreamFault(StreamFaultKind.PartialEvent, 0, Graceful: false));

    /// <summary>Disarms every pending request and stream fault.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    private static void ValidateStatus(int statusCode)
    {
        if (statusCode is < 200 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "The status code must be between 200 and 599.");
        }
    }
}

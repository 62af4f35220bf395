using System.Diagnostics;

namespace Ravi.Sdk.Diagnostics;

/// <summary>Event stream reconnects: the <see cref="RaviMetrics.StreamReconnects"/> counter and a <c>ravi.event_stream.reconnect</c> event on the stream's span.</summary>
internal static class RaviStreamTelemetry
{
    /// <summary>
    /// Records that the stream reconnects after <paramref name="delay"/> (attempt <paramref name="attempt"/> in a row).
    /// <c>error.type</c> is the failure's type, <c>end_of_stream</c> when the server closed a working connection, or
    /// <c>keepalive_timeout</c> when it went silent.
    /// </summary>
    public static void Reconnecting(Uri server, int attempt, TimeSpan delay, Exception? error)
    {
        var errorType = error is TimeoutException ? "keepalive_timeout" : error is not null ? RaviAttemptTelemetry.ErrorType(error) : "end_of_stream";
        if (RaviMetrics.StreamReconnects.Enabled)
        {
            RaviMetrics.StreamReconnects.Add(1, new TagList { { "server.address", server.Host }, { "server.port", server.Port }, { "error.type", errorType } });
        }

        RaviOperation.AddEvent("ravi.event_stream.reconnect", new TagList
        {
            { "ravi.reconnect.attempt", attempt },
            { "ravi.reconnect.delay_ms", (long)delay.TotalMilliseconds },
            { "error.type", errorType },
        });
    }
}

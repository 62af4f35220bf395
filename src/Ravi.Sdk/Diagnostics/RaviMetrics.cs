using System.Diagnostics.Metrics;
using System.Reflection;

namespace Ravi.Sdk.Diagnostics;

/// <summary>
/// The SDK's <see cref="Meter"/> (<see cref="RaviTelemetry.MeterName"/>) and its instruments. Tags are low-cardinality:
/// method, host, port, status code, error type, channel. Never a path, query, identity or header.
/// </summary>
internal static class RaviMetrics
{
    /// <summary>Bucket boundaries (seconds) for HTTP attempt durations: the OpenTelemetry HTTP client advice, extended to 60 s.</summary>
    public static readonly IReadOnlyList<double> RequestBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    /// <summary>Bucket boundaries (seconds) for OTP waits: a code arrives within seconds to minutes.</summary>
    public static readonly IReadOnlyList<double> OtpWaitBuckets = [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

    public static readonly Meter Meter = new(RaviTelemetry.MeterName, RaviOperation.Version);

    /// <summary>Duration of each HTTP attempt on the wire (every retry, redirect hop, token refresh and replay is one).</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "ravi.client.request.duration", unit: "s", description: "Duration of HTTP attempts made by the Ravi SDK.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RequestBuckets });

    /// <summary>Retries of an API call (not counting the first attempt).</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "ravi.client.retries", unit: "{retry}", description: "Retries of Ravi API calls after a transient failure.");

    /// <summary>Token refresh calls (one per renewal actually sent, however many callers shared it).</summary>
    public static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(
        "ravi.client.token_refreshes", unit: "{refresh}", description: "Access token refreshes sent by the Ravi SDK.");

    /// <summary>Event stream reconnections.</summary>
    public static readonly Counter<long> StreamReconnects = Meter.CreateCounter<long>(
        "ravi.client.event_stream.reconnects", unit: "{reconnect}", description: "Reconnections of the Ravi event stream.");

    /// <summary>How long OTP, email and link waits took, whatever their outcome.</summary>
    public static readonly Histogram<double> OtpWaitDuration = Meter.CreateHistogram<double>(
        "ravi.client.otp.wait.duration", unit: "s", description: "Duration of Ravi OTP, email and verification link waits.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OtpWaitBuckets });
}

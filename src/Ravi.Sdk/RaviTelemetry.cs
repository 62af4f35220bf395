namespace Ravi.Sdk;

/// <summary>
/// The names the SDK reports telemetry under, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>
/// (see docs/observability.md for the spans, attributes and instruments).
/// </summary>
public static class RaviTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: one span per public operation.</summary>
    public const string ActivitySourceName = "Ravi.Sdk";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Ravi.Sdk";
}

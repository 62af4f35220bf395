using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Ravi.Sdk.Http;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Ravi.Sdk</c>
/// (subscribe with OpenTelemetry's <c>AddSource("Ravi.Sdk")</c> / <c>AddMeter("Ravi.Sdk")</c>).
/// Tags carry method, path and status only: never headers, bodies or query strings.
/// </summary>
internal static class RaviDiagnostics
{
    public const string Name = "Ravi.Sdk";

    private static readonly string Version =
        typeof(RaviDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static readonly ActivitySource ActivitySource = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Duration of each HTTP attempt, in seconds, tagged with method and status code.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "ravi.client.request.duration", unit: "s", description: "Duration of HTTP attempts made by the Ravi SDK.");
}

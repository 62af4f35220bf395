using System.Diagnostics;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>Latency percentiles (nearest rank) from <see cref="Stopwatch"/> tick differences.</summary>
internal readonly record struct Percentiles(double P50, double P99, double Max, int Count)
{
    public static Percentiles FromTicks(IEnumerable<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        if (sorted.Length == 0)
        {
            return default;
        }

        double Rank(double p) => ToMilliseconds(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]);
        return new Percentiles(Rank(0.50), Rank(0.99), ToMilliseconds(sorted[^1]), sorted.Length);
    }

    public override string ToString() => $"p50 {P50:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms (n = {Count})";

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

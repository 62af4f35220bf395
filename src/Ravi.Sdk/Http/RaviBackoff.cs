namespace Ravi.Sdk.Http;

/// <summary>
/// The SDK's one backoff: how long to wait before the next try after <c>n</c> failures in a row — <c>initial × factor^(n−1)</c>,
/// at most <c>max</c>, with "equal" jitter (a random point in the upper half, so waits spread out but never collapse to
/// zero) — and the one rule for a server's wait (<c>Retry-After</c>, <c>retry_after_seconds</c>, the event stream's
/// <c>retry:</c>): never try again sooner than the server asked. Used by the HTTP retries (as the Polly retry strategy's
/// delay generator), event-stream reconnects, OTP polling and device-flow polling. Immutable; thread-safe.
/// </summary>
internal sealed class RaviBackoff
{
    private const int MaxExponent = 30;
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _factor;
    private readonly bool _jitter;

    /// <param name="initial">The wait after the first failure (before jitter).</param>
    /// <param name="max">The longest computed wait (before jitter).</param>
    /// <param name="factor">How much each further failure multiplies the wait (2: exponential).</param>
    /// <param name="jitter">Whether to spread the waits (a random factor in [0.5, 1)).</param>
    public RaviBackoff(TimeSpan initial, TimeSpan max, double factor = 2, bool jitter = true)
    {
        _initial = initial < TimeSpan.Zero ? TimeSpan.Zero : initial;
        _max = max < _initial ? _initial : max;
        _factor = factor;
        _jitter = jitter;
    }

    /// <summary>The wait before the next try after <paramref name="failures"/> failures in a row (1 or more).</summary>
    public TimeSpan Delay(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, MaxExponent);
        var ticks = Math.Min(_initial.Ticks * Math.Pow(_factor, exponent), _max.Ticks);
        if (_jitter)
        {
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
            ticks *= 0.5 + (Random.Shared.NextDouble() * 0.5);
#pragma warning restore CA5394
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The computed wait, or what the server asked when that is longer: a try never comes sooner than the server allowed.</summary>
    public static TimeSpan Honour(TimeSpan computed, TimeSpan? serverDelay) =>
        serverDelay is { } asked && asked > computed ? asked : computed;
}

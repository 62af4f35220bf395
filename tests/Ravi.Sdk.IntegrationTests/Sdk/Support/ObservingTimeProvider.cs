using Microsoft.Extensions.Time.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> front that records when (on the fake clock) a timer was last armed with a given due
/// time, so a test can tell that a client has re-armed a read timeout (i.e. has received bytes) before moving the clock on.
/// </summary>
internal sealed class ObservingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TimeSpan, DateTimeOffset> _armed = [];

    public FakeTimeProvider Inner => inner;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>When a timer was last created or changed to fire after exactly <paramref name="dueTime"/> (fake clock), or null.</summary>
    public DateTimeOffset? LastArmedAt(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return _armed.TryGetValue(dueTime, out var at) ? at : null;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Count(dueTime);
        return new ObservedTimer(this, inner.CreateTimer(callback, state, dueTime, period));
    }

    private void Count(TimeSpan dueTime)
    {
        lock (_gate)
        {
            _armed[dueTime] = inner.GetUtcNow();
        }
    }

    private sealed class ObservedTimer(ObservingTimeProvider owner, ITimer timer) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Count(dueTime);
            return timer.Change(dueTime, period);
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}

using Microsoft.Extensions.Time.Testing;

namespace Ravi.Sdk.Tests.Events;

/// <summary>A <see cref="FakeTimeProvider"/> front that lets a test wait until code under test has started a finite timer (e.g. a Task.Delay).</summary>
internal sealed class ObservableTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly List<TimeSpan> _dueTimes = [];

    public FakeTimeProvider Fake => fake;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_dueTimes)
            {
                _dueTimes.Add(dueTime);
            }
        }

        return fake.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (in real time, bounded) until the <paramref name="count"/>-th finite timer was created and returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (_dueTimes)
            {
                if (_dueTimes.Count >= count)
                {
                    return _dueTimes[count - 1];
                }
            }

            await Task.Delay(5, timeout.Token);
        }
    }
}

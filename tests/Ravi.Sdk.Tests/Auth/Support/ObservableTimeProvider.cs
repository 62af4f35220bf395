using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Ravi.Sdk.Tests.Auth.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every finite timer the code under test creates, so a test can wait
/// until the code is actually waiting (no real sleeps, no races) and advance exactly by the requested delay.
/// </summary>
internal sealed class ObservableTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ObservableTimeProvider()
        : base(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Report(dueTime);
        return new ReportingTimer(this, timer); // CancellationTokenSource.CancelAfter (used by Polly's pooled sources) calls Change
    }

    private void Report(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }
    }

    /// <summary>Waits (real time, bounded) for the next timer and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan? within = null)
    {
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        return await _timers.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Waits for the next timer, checks its due time, and advances past it.</summary>
    public async Task<TimeSpan> AdvanceNextTimerAsync()
    {
        var due = await NextTimerAsync();
        Advance(due);
        return due;
    }

    /// <summary>Whether a timer was created and not yet consumed by <see cref="NextTimerAsync"/>.</summary>
    public bool HasPendingTimer => _timers.Reader.TryPeek(out _);

    private sealed class ReportingTimer(ObservableTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Report(dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

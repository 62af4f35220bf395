using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Ravi.Sdk.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every finite timer the code under test arms (created, or re-armed with
/// <see cref="ITimer.Change"/> as <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> does), so a test can wait
/// until the code is actually waiting (no real sleeps, no races) and advance exactly by the requested delay. Server and
/// client can share one instance.
/// </summary>
public sealed class ObservableTimeProvider : FakeTimeProvider
{
    /// <summary>The default start: 2026-03-01 12:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _created = [];
    private readonly Dictionary<TimeSpan, DateTimeOffset> _armed = [];

    /// <summary>A clock that starts at <see cref="DefaultStart"/>.</summary>
    public ObservableTimeProvider()
        : this(DefaultStart)
    {
    }

    /// <summary>A clock that starts at <paramref name="start"/>.</summary>
    public ObservableTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Whether a timer was armed and not yet consumed by <see cref="NextTimerAsync"/>.</summary>
    public bool HasPendingTimer => _timers.Reader.TryPeek(out _);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Report(dueTime, created: true);
        return new ReportingTimer(this, timer);
    }

    /// <summary>Waits (real time, bounded) for the next armed timer and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan? within = null)
    {
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        return await _timers.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Waits for the next armed timer and advances the clock by its due time.</summary>
    public async Task<TimeSpan> AdvanceNextTimerAsync()
    {
        var due = await NextTimerAsync();
        Advance(due);
        return due;
    }

    /// <summary>Waits (real time, bounded) until the <paramref name="count"/>-th finite timer was created and returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (_gate)
            {
                if (_created.Count >= count)
                {
                    return _created[count - 1];
                }
            }

            await Task.Delay(5, timeout.Token);
        }
    }

    /// <summary>
    /// Waits (real time, bounded by <paramref name="within"/>, 10 s by default) until a timer was armed to fire after
    /// exactly <paramref name="dueTime"/> at the current fake time or later; throws <see cref="TimeoutException"/> if none was.
    /// </summary>
    public async Task WaitUntilArmedAsync(TimeSpan dueTime, TimeSpan? within = null)
    {
        var now = GetUtcNow();
        var limit = within ?? TimeSpan.FromSeconds(10);
        var started = Stopwatch.GetTimestamp();
        while (LastArmedAt(dueTime) is not { } at || at < now)
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"No timer of {dueTime} was armed within {limit.TotalSeconds:0.#} s (real time).");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>When (on this clock) a timer was last armed to fire after exactly <paramref name="dueTime"/>, or null.</summary>
    public DateTimeOffset? LastArmedAt(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return _armed.TryGetValue(dueTime, out var at) ? at : null;
        }
    }

    private void Report(TimeSpan dueTime, bool created)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            _armed[dueTime] = GetUtcNow();
            if (created)
            {
                _created.Add(dueTime);
            }
        }

        _timers.Writer.TryWrite(dueTime);
    }

    private sealed class ReportingTimer(ObservableTimeProvider owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Re-arm first, then report: a test that sees the report and advances must find the timer already due.
            var changed = inner.Change(dueTime, period);
            owner.Report(dueTime, created: false);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

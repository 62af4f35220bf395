namespace Ravi.Sdk.Testing;

public sealed partial class RaviTestServer
{
    /// <summary>
    /// Simulates a restart of the service's event machinery: every identity's event log is forgotten, the next event gets
    /// id 1 again, open event streams are aborted (at their next wake-up), and a <c>Last-Event-ID</c> beyond the new counter
    /// is answered from the first event of the new life, as a restarted server that does not know the id would.
    /// </summary>
    public void RestartEventIds()
    {
        lock (_state.Sync)
        {
            foreach (var identity in _state.AllIdentities())
            {
                identity.Events.Clear();
                identity.EventLife++;
                Internal.ServerState.WakeStreams(identity);
            }
        }
    }

    /// <summary>
    /// Makes the next event-stream connection replay <paramref name="events"/> events the client already received before
    /// the ones it asked for (as a server that ignores part of <c>Last-Event-ID</c> would). One-shot.
    /// </summary>
    /// <param name="events">How many already-sent events to send again.</param>
    public void ReplayEventsOnNextStream(int events)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        _state.Faults.ArmReplay(events);
    }
}

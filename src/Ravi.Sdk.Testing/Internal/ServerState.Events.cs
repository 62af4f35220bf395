using System.Globalization;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>The event log per identity and the open streams it wakes (callers hold <see cref="Sync"/>; the stream counters are atomic).</summary>
internal sealed partial class ServerState
{
    private int _streamConnections;
    private int _activeStreams;

    public int StreamConnections => Volatile.Read(ref _streamConnections);
    public int ActiveStreams => Volatile.Read(ref _activeStreams);

    public void StreamOpened()
    {
        Interlocked.Increment(ref _streamConnections);
        Interlocked.Increment(ref _activeStreams);
    }

    public void StreamClosed() => Interlocked.Decrement(ref _activeStreams);

    public static long AppendEvent(IdentityRecord identity, string type, string data)
    {
        var id = identity.Events.Count + 1L;
        identity.Events.Add(new StoredEvent(id, type, data));
        SignalEvents(identity);
        return id;
    }

    /// <summary>Appends <paramref name="count"/> synthetic <c>sms</c> events and wakes streams once.</summary>
    public static long AppendBulkEvents(IdentityRecord identity, int count)
    {
        identity.Events.EnsureCapacity(identity.Events.Count + count);
        for (var i = 0; i < count; i++)
        {
            var id = identity.Events.Count + 1L;
            var data = "{\"conversation_id\":\"conv-bulk\",\"from_number\":\"+15550000000\",\"preview\":\"bulk event "
                + id.ToString(CultureInfo.InvariantCulture) + "\"}";
            identity.Events.Add(new StoredEvent(id, "sms", data));
        }

        SignalEvents(identity);
        return identity.LastEventId;
    }

    /// <summary>Wakes the identity's open streams (callers hold <see cref="Sync"/>).</summary>
    public static void WakeStreams(IdentityRecord identity) => SignalEvents(identity);

    private static void SignalEvents(IdentityRecord identity)
    {
        var changed = identity.EventsChanged;
        identity.EventsChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}

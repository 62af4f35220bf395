namespace Ravi.Sdk.Testing.Internal;

/// <summary>Armed request and stream faults. Thread-safe.</summary>
internal sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private StreamFault? _pendingStream;
    private int _pendingReplay;

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Takes one use of the first armed rule of <paramref name="kind"/> matching the request.</summary>
    public FaultRule? Take(FaultKind kind, string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (rule.Kind == kind && rule.Matches(method, path))
                {
                    if (--rule.Remaining <= 0)
                    {
                        _rules.RemoveAt(i);
                    }

                    return rule;
                }
            }

            return null;
        }
    }

    public void ArmStream(StreamFault fault) => Volatile.Write(ref _pendingStream, fault);

    public StreamFault? ClaimStream() => Volatile.Read(ref _pendingStream) is null ? null : Interlocked.Exchange(ref _pendingStream, null);

    /// <summary>Arms a replay: the next stream connection starts this many events before the one it asked for.</summary>
    public void ArmReplay(int events) => Volatile.Write(ref _pendingReplay, events);

    public int ClaimReplay() => Interlocked.Exchange(ref _pendingReplay, 0);

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }

        Volatile.Write(ref _pendingStream, null);
        Volatile.Write(ref _pendingReplay, 0);
    }
}

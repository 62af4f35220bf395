using System.Globalization;

namespace Ravi.Sdk.Events;

/// <summary>
/// The id rule of the event stream (docs/events-and-otp.md): decides whether an event that carries its own <c>id</c>
/// repeats one already yielded, whatever the id scheme, without losing new events.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Exact dedupe: the last <c>window</c> yielded events with an id are remembered as 64-bit fingerprints of (id, type,
/// data). An event whose fingerprint is remembered is a repeat (a replay, in any order, numeric or string ids).</item>
/// <item>Numeric ordering, only while ids grow: while the yielded ids are integers, an unknown event whose id is not above
/// the highest one yielded is a repeat only when it is older than everything remembered (a replay from further back than
/// the window); inside the remembered range it is a new event (a late one, or a reused id with new content).</item>
/// <item>Restart: the first event with an id on a (re)connection whose integer id is not above the highest one yielded,
/// and which is not remembered, means the server's counter started over: it is new, and the memory is reset.</item>
/// <item>Before anything is yielded, the caller's <c>LastEventId</c> is the resume point: that id, and for integers any
/// id not above it, is skipped.</item>
/// </list>
/// Memory is bounded: two <see langword="long"/>s per remembered event, allocated as events arrive. Not thread-safe.
/// </remarks>
internal sealed class EventIdTracker
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const int InitialCapacity = 16;

    private readonly int _window;
    private readonly string? _seed;
    private readonly long? _seedNumber;
    private long[] _fingerprints = [];
    private long[] _numbers = [];
    private int _count;
    private int _next;
    private long? _highest;
    private bool _yielded;

    /// <param name="window">How many yielded events with an id to remember (0: none).</param>
    /// <param name="lastEventId">The caller's resume point, or null.</param>
    public EventIdTracker(int window, string? lastEventId)
    {
        _window = window;
        _seed = string.IsNullOrEmpty(lastEventId) ? null : lastEventId;
        _seedNumber = _seed is null ? null : ParseNumber(_seed);
    }

    /// <summary>What <see cref="Check"/> decided.</summary>
    public enum Decision
    {
        /// <summary>Not seen before: yield it.</summary>
        New,

        /// <summary>Already yielded (or before the caller's resume point): skip it.</summary>
        Repeat,

        /// <summary>The server's counter started over: yield it; the tracker forgot the previous ids.</summary>
        Restart,
    }

    /// <summary>Classifies an event that carries its own id and, unless it is a repeat, remembers it as yielded.</summary>
    /// <param name="id">The event's id.</param>
    /// <param name="type">The event type (UTF-8).</param>
    /// <param name="data">The event data (UTF-8).</param>
    /// <param name="firstOnConnection">Whether it is the first event with an id on this connection.</param>
    /// <returns>The decision.</returns>
    public Decision Check(string id, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data, bool firstOnConnection)
    {
        var number = ParseNumber(id);
        var fingerprint = Fingerprint(id, type, data);
        var decision = Classify(id, number, fingerprint, firstOnConnection);
        if (decision == Decision.Restart)
        {
            _count = 0;
            _next = 0;
            _highest = null;
        }

        if (decision != Decision.Repeat)
        {
            Remember(fingerprint, number);
        }

        return decision;
    }

    /// <summary>The integer value of an id made of ASCII digits only, or null.</summary>
    internal static long? ParseNumber(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>64-bit FNV-1a over the id (UTF-16), the type and the data (UTF-8), with separators that cannot occur in an id.</summary>
    internal static long Fingerprint(string id, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var hash = FnvOffset;
        foreach (var c in id)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        hash = (hash ^ '\n') * FnvPrime;
        hash = Mix(hash, type);
        hash = (hash ^ '\r') * FnvPrime;
        hash = Mix(hash, data);
        return unchecked((long)hash);
    }

    private static ulong Mix(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }

    private Decision Classify(string id, long? number, long fingerprint, bool firstOnConnection)
    {
        if (!_yielded && _seed is not null)
        {
            // The caller's resume point: the server should send what came after it; anything up to it is a replay.
            return string.Equals(id, _seed, StringComparison.Ordinal) || (number is { } n && _seedNumber is { } s && n <= s)
                ? Decision.Repeat
                : Decision.New;
        }

        if (IsRemembered(fingerprint))
        {
            return Decision.Repeat;
        }

        if (number is not { } value || _highest is not { } highest || value > highest)
        {
            return Decision.New;
        }

        if (firstOnConnection)
        {
            return Decision.Restart; // the server did not continue after our Last-Event-ID: its counter started over
        }

        return value >= LowestRememberedNumber() ? Decision.New : Decision.Repeat;
    }

    private bool IsRemembered(long fingerprint) => _fingerprints.AsSpan(0, _count).Contains(fingerprint);

    private long LowestRememberedNumber()
    {
        var lowest = long.MaxValue;
        foreach (var n in _numbers.AsSpan(0, _count))
        {
            if (n >= 0 && n < lowest)
            {
                lowest = n;
            }
        }

        return lowest;
    }

    private void Remember(long fingerprint, long? number)
    {
        _yielded = true;
        _highest = number is { } n ? Math.Max(n, _highest ?? n) : null; // a non-numeric id ends numeric ordering
        if (_window == 0)
        {
            return;
        }

        if (_count < _window && _count == _fingerprints.Length)
        {
            // Not full yet, so nothing was overwritten: entries 0.._count-1 are in order and the next one goes after them.
            var size = Math.Min(_window, Math.Max(InitialCapacity, _fingerprints.Length * 2));
            Array.Resize(ref _fingerprints, size);
            Array.Resize(ref _numbers, size);
            _next = _count;
        }

        _fingerprints[_next] = fingerprint;
        _numbers[_next] = number ?? -1;
        _next = (_next + 1) % _fingerprints.Length;
        _count = Math.Min(_count + 1, _fingerprints.Length);
    }
}

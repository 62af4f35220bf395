using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ravi.Sdk.Events;

/// <summary>
/// An incremental parser for <c>text/event-stream</c> that follows the WHATWG HTML "Server-sent events" rules
/// ("parsing an event stream", "interpreting an event stream", "dispatch the event") exactly, on UTF-8 bytes.
/// </summary>
/// <remarks>
/// <para>
/// Lines are split on bytes (CR, LF, CRLF — including a CR at the end of one read and its LF at the start of the next)
/// in one pooled buffer; field names are matched as bytes. The parser knows no event types but the WHATWG default
/// (<c>message</c>): a dispatched event's type and data are handed out as UTF-8 bytes (<see cref="EventTypeUtf8"/>,
/// <see cref="DataUtf8"/>; the data straight from the read buffer when it is a single line), valid until the next
/// <see cref="ReadNextAsync"/>, for <see cref="RaviEventFactory"/> to build typed events from. <see cref="EventType"/> and
/// <see cref="Data"/> decode them only when read (a few recently seen types, and a repeated id, reuse their strings).
/// Nothing is allocated per line. A leading BOM is skipped only at the very start of the stream.
/// </para>
/// <para>
/// Id semantics: an <c>id</c> field without U+0000 sets the "last event ID buffer" at once; at each blank line
/// ("dispatch the event") the buffer is copied to <see cref="LastEventId"/> (the WHATWG "last event ID string", what a
/// reconnect sends as <c>Last-Event-ID</c>) — even when the data buffer is empty and nothing is dispatched — and a
/// dispatched event's <see cref="Id"/> is the buffer's value. An <c>id</c> line whose block is cut off by the end of the
/// stream therefore never reaches <see cref="LastEventId"/>. The buffer starts at the value passed to the constructor
/// (the id a reconnection resumes from) instead of the empty string, so events without an <c>id</c> field after a
/// reconnect carry the same id they would have carried on one uninterrupted connection.
/// </para>
/// <para>
/// Bounded memory: an event whose data (its <c>data</c> lines joined) or any of whose lines is longer than the limit given
/// to the constructor throws <see cref="SseEventTooLargeException"/> as soon as the limit is passed, without buffering the
/// rest. Buffers come from an <see cref="ArrayPool{T}"/> only up to <see cref="MaxPooledBufferSize"/>; bigger ones are
/// plain arrays left to the GC, so a hostile stream never parks giant arrays in the shared pool. Pooled buffers are
/// cleared before they go back (events carry message previews).
/// </para>
/// <para>
/// Idle streams hold no buffer: when everything read so far has been parsed and the last read did not fill the buffer (the
/// connection has nothing more at hand), the buffers go back to the pool and the parser waits with a zero-byte read, which
/// the HTTP response stream completes when data arrives; then it rents again. An event stream spends nearly all its time
/// waiting, so thousands of open streams cost no read buffers. A stream that does not wait on zero-byte reads returns at
/// once and the parser reads as before.
/// </para>
/// <para>Not thread-safe; one parser per connection.</para>
/// </remarks>
internal sealed class SseEventParser : IDisposable
{
    /// <summary>The type of an event that has no (or an empty) <c>event</c> field.</summary>
    public const string DefaultEventType = "message";

    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';
    private const int DefaultBufferSize = 16 * 1024;
    private const int MinReadSize = 4 * 1024;
    private const int MaxCachedIdBytes = 64;
    private const int TypeCacheSize = 4;

    /// <summary>Room for the field name and separator on top of the event limit when a single line is measured.</summary>
    private const int LineOverhead = 256;

    private readonly Stream _stream;
    private readonly ArrayPool<byte> _pool;
    private readonly int _maxEventSize;
    private readonly int _maxLineLength;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scan;
    private bool _eof;
    private bool _bomChecked;
    private bool _skipLf;
    private bool _disposed;
    private readonly int _bufferSize;
    private bool _lastReadFilled;

    private byte[]? _data;
    private int _dataLength;
    private int _dataLines;
    private int _inlineDataStart = -1;
    private int _inlineDataLength;

    // The event type buffer of the pending block (-1: empty, dispatched as "message"); the dispatched event's type is kept
    // in the same array (valid until the next read), since a new block's type is only stored after the event was consumed.
    private byte[] _type = [];
    private int _typeLength = -1;
    private int _eventTypeLength = -1;
    private string? _eventType;
    private readonly (byte[] Bytes, string Text)?[] _typeCache = new (byte[], string)?[TypeCacheSize];
    private int _typeCacheNext;

    // The dispatched event's data: a slice of the read buffer (one line) or of the data buffer (joined lines).
    private byte[] _eventData = [];
    private int _eventDataOffset;
    private int _eventDataLength;
    private string? _eventDataText;

    private string _lastEventIdBuffer;
    private bool _idFieldInBlock;
    private byte[]? _idBytes;
    private int _idBytesLength = -1;

    /// <summary>Creates a parser over <paramref name="stream"/> (which the parser does not dispose).</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="lastEventId">The initial last event ID buffer (the id this connection resumes from), or null for empty.</param>
    /// <param name="maxEventSize">The largest event data (and, with a little room for the field name, line) accepted, in bytes.</param>
    /// <param name="pool">Where buffers up to <see cref="MaxPooledBufferSize"/> come from; <see cref="ArrayPool{T}.Shared"/> when null.</param>
    public SseEventParser(Stream stream, string? lastEventId = null, int maxEventSize = RaviEventStreamOptions.DefaultMaxEventSize, ArrayPool<byte>? pool = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEventSize);
        _stream = stream;
        _pool = pool ?? ArrayPool<byte>.Shared;
        _maxEventSize = maxEventSize;
        _maxLineLength = (int)Math.Min((long)maxEventSize + LineOverhead, Array.MaxLength - MinReadSize);
        _bufferSize = Math.Min(DefaultBufferSize, _maxLineLength + MinReadSize);
        _buffer = []; // rented when the first bytes are read
        _lastEventIdBuffer = lastEventId ?? string.Empty;
        LastEventId = _lastEventIdBuffer;
    }

    /// <summary>The largest buffer that is taken from (and given back to) the pool; bigger ones are plain arrays.</summary>
    public static int MaxPooledBufferSize => 1024 * 1024;

    /// <summary>
    /// The UTF-8 type of the last dispatched event (<c>message</c> when it had no or an empty <c>event</c> field); valid
    /// until the next <see cref="ReadNextAsync"/>.
    /// </summary>
    public ReadOnlySpan<byte> EventTypeUtf8 => _eventTypeLength < 0 ? "message"u8 : new ReadOnlySpan<byte>(_type, 0, _eventTypeLength);

    /// <summary>
    /// The UTF-8 data of the last dispatched event (its <c>data</c> lines joined with LF); valid until the next
    /// <see cref="ReadNextAsync"/>, which forgets it (type and data then read as <c>message</c> and empty).
    /// </summary>
    public ReadOnlySpan<byte> DataUtf8 => new(_eventData, _eventDataOffset, _eventDataLength);

    /// <summary>The type of the last dispatched event as a string, decoded on first read (recently seen types reuse their string).</summary>
    public string EventType => _eventType ??= ResolveEventType();

    /// <summary>The data of the last dispatched event as a string, decoded on first read (invalid UTF-8 becomes U+FFFD).</summary>
    public string Data => _eventDataText ??= _eventDataLength == 0 ? string.Empty : Encoding.UTF8.GetString(_eventData, _eventDataOffset, _eventDataLength);

    /// <summary>The last event ID buffer when the last event was dispatched (WHATWG <c>lastEventId</c>), or null when empty.</summary>
    public string? Id { get; private set; }

    /// <summary>Whether the last dispatched event's own block carried an (accepted) <c>id</c> field.</summary>
    public bool IdSetByEvent { get; private set; }

    /// <summary>
    /// The WHATWG "last event ID string": the last event ID buffer as of the last blank line (dispatch step), whether or
    /// not an event was dispatched then. Empty when there is none.
    /// </summary>
    public string LastEventId { get; private set; }

    /// <summary>
    /// The id of the last block that had an <c>id</c> field but no data (it dispatched nothing, yet moved the last event ID
    /// string) during the last <see cref="ReadNextAsync"/> call; null when there was none. Empty when the block reset the id.
    /// </summary>
    public string? IdOnlyBlockId { get; private set; }

    /// <summary>The reconnection time from the last valid <c>retry</c> field, or null when the server sent none.</summary>
    public TimeSpan? ReconnectionTime { get; private set; }

    /// <summary>Whether the end of the stream was reached (any incomplete event was discarded).</summary>
    public bool EndOfStream => _eof;

    /// <summary>
    /// Reads until the next event is dispatched. Returns <see langword="true"/> with <see cref="EventTypeUtf8"/>,
    /// <see cref="DataUtf8"/> and <see cref="Id"/> set, or <see langword="false"/> at the end of the stream.
    /// Completes synchronously while complete events are already buffered.
    /// </summary>
    /// <param name="cancellationToken">Cancels the pending read.</param>
    /// <returns>Whether an event was dispatched.</returns>
    /// <exception cref="SseEventTooLargeException">An event or a line is longer than the limit.</exception>
    public ValueTask<bool> ReadNextAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        IdOnlyBlockId = null;
        ForgetDispatchedEvent();
        if (_bomChecked && TryParseEvent())
        {
            return new ValueTask<bool>(true);
        }

        return ReadNextSlowAsync(cancellationToken);
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Return(_buffer);
        _buffer = [];
        _eventData = [];
        Return(_type);
        _type = [];
        if (_data is not null)
        {
            Return(_data);
            _data = null;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadNextSlowAsync(CancellationToken cancellationToken)
    {
        while (!_eof)
        {
            PrepareBufferForRead();
            if (_start == _end && !_lastReadFilled)
            {
                // Everything read is parsed and the connection had nothing more: wait for data without holding buffers.
                ReleaseIdleBuffers();
                await _stream.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            }

            if (_buffer.Length == 0)
            {
                _buffer = Rent(_bufferSize);
            }

            var space = _buffer.Length - _end;
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _lastReadFilled = read == space;
            if (read <= 0)
            {
                // Spec: "Once the end of the file is reached, any pending data must be discarded. (If the file ends in
                // the middle of an event, before the final empty line, the incomplete event is not dispatched.)"
                _eof = true;
            }
            else
            {
                _end += read;
            }

            if (!_bomChecked && !TryConsumeBom())
            {
                continue;
            }

            if (TryParseEvent())
            {
                return true;
            }
        }

        DiscardPendingEvent();
        return false;
    }

    /// <summary>Drops the previous event's bytes, which the next read may overwrite or give back to the pool.</summary>
    private void ForgetDispatchedEvent()
    {
        _eventData = [];
        _eventDataOffset = _eventDataLength = 0;
        _eventDataText = null;
        _eventTypeLength = -1;
        _eventType = null;
    }

    /// <summary>Gives the read buffer back, and the data and type buffers unless a pending block still needs them.</summary>
    private void ReleaseIdleBuffers()
    {
        Return(_buffer);
        _buffer = [];
        _start = _end = _scan = 0;
        if (_data is not null && _dataLines == 0)
        {
            Return(_data);
            _data = null;
        }

        if (_typeLength < 0)
        {
            Return(_type);
            _type = [];
        }
    }

    /// <summary>Skips a UTF-8 BOM at the start of the stream; false while too few bytes arrived to tell.</summary>
    private bool TryConsumeBom()
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var available = _buffer.AsSpan(_start, _end - _start);
        if (available.Length >= bom.Length)
        {
            if (available.StartsWith(bom))
            {
                _start += bom.Length;
            }
        }
        else if (!_eof && bom.StartsWith(available))
        {
            return false; // could still become a BOM
        }

        _scan = _start;
        _bomChecked = true;
        return true;
    }

    /// <summary>Processes complete buffered lines until an event is dispatched (true) or no complete line is left (false).</summary>
    private bool TryParseEvent()
    {
        var buffer = _buffer;
        while (true)
        {
            var start = _start;
            var end = _end;
            if (start == end)
            {
                return false;
            }

            if (_skipLf)
            {
                // The previous line ended with a CR that was the last byte read: an LF right after it belongs to it.
                _skipLf = false;
                if (buffer[start] == LF)
                {
                    _start = _scan = ++start;
                    if (start == end)
                    {
                        return false;
                    }
                }
            }

            var from = _scan;
            var index = buffer.AsSpan(from, end - from).IndexOfAny(CR, LF);
            if (index < 0)
            {
                if (end - start > _maxLineLength)
                {
                    throw SseEventTooLargeException.ForLine(_maxEventSize);
                }

                _scan = end;
                return false;
            }

            var eol = from + index;
            var next = eol + 1;
            if (buffer[eol] == CR)
            {
                if (next < end)
                {
                    if (buffer[next] == LF)
                    {
                        next++;
                    }
                }
                else
                {
                    _skipLf = true;
                }
            }

            _start = _scan = next;
            if (ProcessLine(start, eol - start))
            {
                return true;
            }
        }
    }

    private bool ProcessLine(int offset, int length)
    {
        if (length == 0)
        {
            return Dispatch();
        }

        var line = new ReadOnlySpan<byte>(_buffer, offset, length);
        if (line[0] == (byte)':')
        {
            return false; // comment
        }

        var colon = line.IndexOf((byte)':');
        ReadOnlySpan<byte> name;
        int valueOffset;
        int valueLength;
        if (colon < 0)
        {
            name = line;
            valueOffset = offset + length;
            valueLength = 0;
        }
        else
        {
            name = line[..colon];
            valueOffset = offset + colon + 1;
            valueLength = length - colon - 1;
            if (valueLength > 0 && _buffer[valueOffset] == (byte)' ')
            {
                valueOffset++;
                valueLength--;
            }
        }

        switch (name.Length)
        {
            case 4 when name.SequenceEqual("data"u8):
                AppendData(valueOffset, valueLength);
                break;
            case 5 when name.SequenceEqual("event"u8):
                SetEventType(new ReadOnlySpan<byte>(_buffer, valueOffset, valueLength));
                break;
            case 2 when name.SequenceEqual("id"u8):
                SetId(new ReadOnlySpan<byte>(_buffer, valueOffset, valueLength));
                break;
            case 5 when name.SequenceEqual("retry"u8):
                SetRetry(new ReadOnlySpan<byte>(_buffer, valueOffset, valueLength));
                break;
            default:
                break; // unknown fields are ignored
        }

        return false;
    }

    private bool Dispatch()
    {
        LastEventId = _lastEventIdBuffer;
        if (_dataLines == 0)
        {
            // Spec: "If the data buffer is an empty string, set the data buffer and the event type buffer to the empty string and return."
            if (_idFieldInBlock)
            {
                IdOnlyBlockId = _lastEventIdBuffer;
            }

            _typeLength = -1;
            _idFieldInBlock = false;
            return false;
        }

        if (_inlineDataStart >= 0)
        {
            _eventData = _buffer;
            _eventDataOffset = _inlineDataStart;
            _eventDataLength = _inlineDataLength;
            _inlineDataStart = -1;
        }
        else
        {
            _eventData = _data!;
            _eventDataOffset = 0;
            _eventDataLength = _dataLength;
        }

        _eventDataText = null;
        _eventTypeLength = _typeLength;
        _eventType = null;
        Id = _lastEventIdBuffer.Length == 0 ? null : _lastEventIdBuffer;
        IdSetByEvent = _idFieldInBlock;
        _dataLength = 0;
        _dataLines = 0;
        _typeLength = -1;
        _idFieldInBlock = false;
        return true;
    }

    private void DiscardPendingEvent()
    {
        _dataLength = 0;
        _dataLines = 0;
        _inlineDataStart = -1;
        _typeLength = -1;
        _idFieldInBlock = false;
    }

    private void AppendData(int valueOffset, int valueLength)
    {
        if (_dataLines == 0)
        {
            if (valueLength > _maxEventSize)
            {
                throw SseEventTooLargeException.ForData(_maxEventSize);
            }

            // Keep a single data line where it is; it is copied only if a second line follows or the buffer moves.
            _inlineDataStart = valueOffset;
            _inlineDataLength = valueLength;
        }
        else
        {
            if (_inlineDataStart >= 0)
            {
                MaterializeInlineData();
            }

            EnsureDataCapacity(_dataLength + 1 + valueLength);
            _data![_dataLength++] = LF;
            _buffer.AsSpan(valueOffset, valueLength).CopyTo(_data.AsSpan(_dataLength));
            _dataLength += valueLength;
        }

        _dataLines++;
    }

    private void MaterializeInlineData()
    {
        EnsureDataCapacity(_inlineDataLength);
        _buffer.AsSpan(_inlineDataStart, _inlineDataLength).CopyTo(_data);
        _dataLength = _inlineDataLength;
        _inlineDataStart = -1;
    }

    private void EnsureDataCapacity(int needed)
    {
        if (needed > _maxEventSize)
        {
            throw SseEventTooLargeException.ForData(_maxEventSize);
        }

        if (_data is null)
        {
            _data = Rent(Math.Max(needed, 1024));
        }
        else if (_data.Length < needed)
        {
            var bigger = Rent((int)Math.Min(Math.Max(needed, (long)_data.Length * 2), _maxEventSize));
            _data.AsSpan(0, _dataLength).CopyTo(bigger);
            Return(_data);
            _data = bigger;
        }
    }

    /// <summary>A buffer of at least <paramref name="size"/> bytes: pooled up to <see cref="MaxPooledBufferSize"/>, else a plain array of exactly that size.</summary>
    private byte[] Rent(int size) => size <= MaxPooledBufferSize ? _pool.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    /// <summary>Clears a buffer and gives it back to the pool, unless it is too big to be pooled.</summary>
    private void Return(byte[] buffer)
    {
        if (buffer.Length == 0 || buffer.Length > MaxPooledBufferSize)
        {
            return; // never pool a giant array: it would stay alive in the shared pool
        }

        _pool.Return(buffer, clearArray: true);
    }

    private void SetEventType(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            _typeLength = -1; // empty type buffer: dispatched as "message"
            return;
        }

        if (_type.Length < value.Length)
        {
            var bigger = Rent(Math.Max(value.Length, 64));
            Return(_type);
            _type = bigger;
        }

        value.CopyTo(_type);
        _typeLength = value.Length;
    }

    /// <summary>The dispatched type as a string: the default, a recently seen type's string, or a new one (then remembered).</summary>
    private string ResolveEventType()
    {
        var type = EventTypeUtf8;
        if (_eventTypeLength < 0 || type.SequenceEqual("message"u8))
        {
            return DefaultEventType;
        }

        foreach (var entry in _typeCache)
        {
            if (entry is { } cached && type.SequenceEqual(cached.Bytes))
            {
                return cached.Text;
            }
        }

        var text = Encoding.UTF8.GetString(type);
        if (type.Length <= MaxCachedIdBytes)
        {
            _typeCache[_typeCacheNext] = (type.ToArray(), text);
            _typeCacheNext = (_typeCacheNext + 1) % TypeCacheSize;
        }

        return text;
    }

    private void SetId(ReadOnlySpan<byte> value)
    {
        if (value.Contains((byte)0))
        {
            return; // Spec: an id containing U+0000 NULL is ignored.
        }

        _idFieldInBlock = true;
        if (_idBytesLength == value.Length && value.SequenceEqual(_idBytes.AsSpan(0, _idBytesLength)))
        {
            return; // same id as the buffer already holds
        }

        _lastEventIdBuffer = value.IsEmpty ? string.Empty : Encoding.UTF8.GetString(value);
        if (value.Length <= MaxCachedIdBytes)
        {
            _idBytes ??= new byte[MaxCachedIdBytes];
            value.CopyTo(_idBytes);
            _idBytesLength = value.Length;
        }
        else
        {
            _idBytesLength = -1;
        }
    }

    private void SetRetry(ReadOnlySpan<byte> value)
    {
        // Spec: "If the field value consists of only ASCII digits, then interpret the field value as an integer in base
        // ten, and set the event stream's reconnection time to that integer. Otherwise, ignore the field."
        if (value.IsEmpty)
        {
            return;
        }

        const long maxMilliseconds = long.MaxValue / TimeSpan.TicksPerMillisecond;
        long milliseconds = 0;
        foreach (var b in value)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return;
            }

            milliseconds = (milliseconds * 10) + digit;
            if (milliseconds > maxMilliseconds)
            {
                return; // beyond what a TimeSpan can hold
            }
        }

        ReconnectionTime = TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);
    }

    private void PrepareBufferForRead()
    {
        if (_start == _end)
        {
            // Everything read was consumed: start over at the beginning of the buffer.
            if (_inlineDataStart >= 0)
            {
                MaterializeInlineData();
            }

            _start = _end = _scan = 0;
            return;
        }

        if (_buffer.Length - _end >= MinReadSize)
        {
            return;
        }

        if (_start > 0)
        {
            if (_inlineDataStart >= 0)
            {
                MaterializeInlineData();
            }

            var length = _end - _start;
            _buffer.AsSpan(_start, length).CopyTo(_buffer);
            _scan -= _start;
            _start = 0;
            _end = length;
            if (_buffer.Length - _end >= MinReadSize)
            {
                return;
            }
        }

        // One line is longer than the buffer: grow it, up to the longest line allowed plus room for one read.
        var limit = _maxLineLength + MinReadSize;
        if (_end - _start > _maxLineLength || _buffer.Length >= limit)
        {
            throw SseEventTooLargeException.ForLine(_maxEventSize);
        }

        var bigger = Rent((int)Math.Min((long)_buffer.Length * 2, limit));
        _buffer.AsSpan(0, _end).CopyTo(bigger);
        Return(_buffer);
        _buffer = bigger;
    }
}

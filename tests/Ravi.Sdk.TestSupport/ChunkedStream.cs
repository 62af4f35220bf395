namespace Ravi.Sdk.TestSupport;

/// <summary>
/// A read-only, forward-only stream of unknown length over fixed bytes, handed out in the given chunks (one chunk, or
/// what fits of it, per read), like a pipe or a socket. Counts its reads.
/// </summary>
public sealed class ChunkedStream : ReadOnlyTestStream
{
    private readonly Queue<byte[]> _chunks;
    private byte[]? _current;
    private int _offset;

    /// <summary>A stream that returns <paramref name="chunks"/> in turn (empty chunks are skipped).</summary>
    /// <param name="chunks">The chunks, in order.</param>
    public ChunkedStream(IEnumerable<byte[]> chunks) => _chunks = new Queue<byte[]>(chunks.Where(c => c.Length > 0));

    /// <summary>A stream over <paramref name="bytes"/> in reads of at most <paramref name="maxRead"/> bytes.</summary>
    /// <param name="bytes">The content.</param>
    /// <param name="maxRead">The largest chunk one read returns.</param>
    public ChunkedStream(byte[] bytes, int maxRead = 4096)
        : this(bytes.Chunk(maxRead))
    {
    }

    /// <summary>How many reads were made.</summary>
    public int Reads { get; private set; }

    /// <summary>A stream over <paramref name="data"/> cut at the offsets <paramref name="cuts"/>.</summary>
    /// <param name="data">The content.</param>
    /// <param name="cuts">Offsets into <paramref name="data"/> where one chunk ends and the next starts.</param>
    /// <returns>The stream.</returns>
    public static ChunkedStream Split(byte[] data, params int[] cuts)
    {
        var chunks = new List<byte[]>();
        var start = 0;
        foreach (var cut in cuts.Order())
        {
            chunks.Add(data[start..cut]);
            start = cut;
        }

        chunks.Add(data[start..]);
        return new ChunkedStream(chunks);
    }

    /// <summary>A stream that returns <paramref name="data"/> one byte per read.</summary>
    /// <param name="data">The content.</param>
    /// <returns>The stream.</returns>
    public static ChunkedStream Bytewise(byte[] data) => new(data.Select(b => new[] { b }));

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        Reads++;
        if (_current is null || _offset == _current.Length)
        {
            if (!_chunks.TryDequeue(out _current))
            {
                return 0;
            }

            _offset = 0;
        }

        var n = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }
}

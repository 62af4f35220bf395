namespace Ravi.Sdk.Tests.Events;

/// <summary>A read-only stream that returns its data in the given chunks (one chunk, or what fits, per read).</summary>
internal sealed class ChunkedStream : Stream
{
    private readonly Queue<byte[]> _chunks;
    private byte[]? _current;
    private int _offset;

    public ChunkedStream(IEnumerable<byte[]> chunks) => _chunks = new Queue<byte[]>(chunks.Where(c => c.Length > 0));

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

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

    public static ChunkedStream Bytewise(byte[] data) => new(data.Select(b => new[] { b }));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

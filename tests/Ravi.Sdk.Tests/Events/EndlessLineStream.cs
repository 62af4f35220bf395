namespace Ravi.Sdk.Tests.Events;

/// <summary>
/// A response body that starts a line (<paramref name="prefix"/>) and then sends filler bytes without ever ending it,
/// counting what the reader took. Throws once <paramref name="maxBytes"/> were read, so a reader without a limit fails
/// the test instead of exhausting memory.
/// </summary>
internal sealed class EndlessLineStream(string prefix, long maxBytes) : Stream
{
    private readonly byte[] _prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public bool IsDisposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_read >= maxBytes)
        {
            throw new InvalidOperationException($"The reader took more than {maxBytes} bytes of one line.");
        }

        var span = buffer.Span;
        var n = 0;
        while (n < span.Length && _read + n < _prefix.Length)
        {
            span[n] = _prefix[_read + n];
            n++;
        }

        var filler = (int)Math.Min(span.Length - n, 64 * 1024);
        span.Slice(n, filler).Fill((byte)'x');
        n += filler;
        Interlocked.Add(ref _read, n);
        return new ValueTask<int>(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}

namespace Ravi.Sdk.TestSupport;

/// <summary>
/// A response body that starts a line (<paramref name="prefix"/>) and then sends filler bytes without ever ending it,
/// counting what the reader took. Throws once <paramref name="maxBytes"/> were read, so a reader without a limit fails
/// the test instead of exhausting memory.
/// </summary>
public sealed class EndlessLineStream(string prefix, long maxBytes) : ReadOnlyTestStream
{
    private readonly byte[] _prefix = System.Text.Encoding.UTF8.GetBytes(prefix);
    private long _read;

    /// <summary>How many bytes the reader took.</summary>
    public long BytesRead => Interlocked.Read(ref _read);

    /// <summary>Whether the stream was disposed.</summary>
    public bool IsDisposed { get; private set; }

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}

namespace Ravi.Sdk.Events;

/// <summary>
/// Wraps a response stream so that every read is cancelled when no byte arrives within a timeout (measured on a
/// <see cref="TimeProvider"/>). The timer runs only while a read is pending, so a slow consumer never trips it.
/// </summary>
internal sealed class ReadTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _timeoutSource;

    /// <param name="inner">The stream to read.</param>
    /// <param name="timeout">The idle timeout, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="timeoutSource">The source cancelled on timeout (the caller owns it; it must run on the wanted clock).</param>
    public ReadTimeoutStream(Stream inner, TimeSpan timeout, CancellationTokenSource timeoutSource)
    {
        _inner = inner;
        _timeout = timeout;
        _timeoutSource = timeoutSource;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return _inner.ReadAsync(buffer, _timeoutSource.Token);
        }

        return ReadWithTimeoutAsync(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadWithTimeoutAsync(Memory<byte> buffer)
    {
        _timeoutSource.CancelAfter(_timeout);
        try
        {
            return await _inner.ReadAsync(buffer, _timeoutSource.Token).ConfigureAwait(false);
        }
        finally
        {
            Disarm();
        }
    }

    private void Disarm()
    {
        try
        {
            _timeoutSource.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The connection was closed meanwhile.
        }
    }
}

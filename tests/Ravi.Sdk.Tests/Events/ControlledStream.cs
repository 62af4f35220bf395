using System.Text;
using System.Threading.Channels;

namespace Ravi.Sdk.Tests.Events;

/// <summary>A response body the test writes to, ends, fails, and whose disposal it can observe.</summary>
internal sealed class ControlledStream : Stream
{
    private readonly Channel<byte[]> _channel = Channel.CreateUnbounded<byte[]>();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? _pending;
    private int _offset;

    public bool IsDisposed => _disposed.Task.IsCompleted;

    public Task Disposed => _disposed.Task;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public ControlledStream Send(string text)
    {
        _channel.Writer.TryWrite(Encoding.UTF8.GetBytes(text));
        return this;
    }

    public ControlledStream End()
    {
        _channel.Writer.TryComplete();
        return this;
    }

    public ControlledStream Fail(Exception exception)
    {
        _channel.Writer.TryComplete(exception);
        return this;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_pending is null || _offset == _pending.Length)
        {
            try
            {
                if (!await _channel.Reader.WaitToReadAsync(cancellationToken))
                {
                    return 0;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new IOException("The connection was reset.", ex);
            }

            _channel.Reader.TryRead(out _pending);
            _offset = 0;
        }

        var n = Math.Min(buffer.Length, _pending!.Length - _offset);
        _pending.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _channel.Writer.TryComplete();
        _disposed.TrySetResult();
        base.Dispose(disposing);
    }
}

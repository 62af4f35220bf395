using System.Text;
using System.Threading.Channels;

namespace Ravi.Sdk.TestSupport;

/// <summary>
/// A response body the test writes to (<see cref="Send"/>), ends, fails, or leaves stalled (a read with nothing sent
/// waits until it is cancelled); it tells how many reads are waiting and whether it was disposed.
/// </summary>
public sealed class ControlledStream : ReadOnlyTestStream
{
    private readonly Channel<byte[]> _channel = Channel.CreateUnbounded<byte[]>();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? _pending;
    private int _offset;
    private int _waiting;

    /// <summary>Whether the stream was disposed.</summary>
    public bool IsDisposed => _disposed.Task.IsCompleted;

    /// <summary>Completes when the stream is disposed.</summary>
    public Task Disposed => _disposed.Task;

    /// <summary>How many reads are waiting for bytes now (a reader blocked on a stalled body).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Makes <paramref name="text"/> (UTF-8) readable.</summary>
    /// <param name="text">The bytes to send, as text.</param>
    /// <returns>This stream.</returns>
    public ControlledStream Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>Makes <paramref name="bytes"/> readable.</summary>
    /// <param name="bytes">The bytes to send.</param>
    /// <returns>This stream.</returns>
    public ControlledStream Send(byte[] bytes)
    {
        _channel.Writer.TryWrite(bytes);
        return this;
    }

    /// <summary>Ends the body: reads return 0 once what was sent is read.</summary>
    /// <returns>This stream.</returns>
    public ControlledStream End()
    {
        _channel.Writer.TryComplete();
        return this;
    }

    /// <summary>Fails the body: the next read that finds nothing sent throws an <see cref="IOException"/> (a reset).</summary>
    /// <param name="exception">The cause.</param>
    /// <returns>This stream.</returns>
    public ControlledStream Fail(Exception exception)
    {
        _channel.Writer.TryComplete(exception);
        return this;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_pending is null || _offset == _pending.Length)
        {
            Interlocked.Increment(ref _waiting);
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
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }

            _channel.Reader.TryRead(out _pending);
            _offset = 0;
        }

        var n = Math.Min(buffer.Length, _pending!.Length - _offset);
        _pending.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        _channel.Writer.TryComplete();
        _disposed.TrySetResult();
        base.Dispose(disposing);
    }
}

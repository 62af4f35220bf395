using System.Buffers;
using System.Net;

namespace Ravi.Sdk.Http;

/// <summary>
/// A response body read into memory by <see cref="RaviResponseReader"/>. Small bodies live in a buffer rented from the
/// shared <see cref="ArrayPool{T}"/>; a buffer larger than <see cref="MaxPooledBuffer"/> is a plain array that is never
/// returned to the pool (a giant array kept in the shared pool would stay alive for the life of the process). On dispose
/// the used bytes are cleared (bodies hold messages and secrets) and a pooled buffer goes back.
/// </summary>
internal sealed class RaviBufferedContent : HttpContent
{
    /// <summary>The largest buffer taken from (and given back to) the shared pool: 1 MiB.</summary>
    public const int MaxPooledBuffer = 1024 * 1024;

    private byte[]? _buffer;
    private readonly int _length;
    private readonly bool _pooled;

    public RaviBufferedContent(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body => (_buffer ?? throw new ObjectDisposedException(nameof(RaviBufferedContent))).AsMemory(0, _length);

    /// <summary>Whether the body was cut at the reader's limit (error bodies only: a success body over the limit is an error).</summary>
    public bool Truncated { get; init; }

    /// <summary>Whether the buffer came from the shared pool (tests check that large ones never do).</summary>
    internal bool IsPooled => _pooled;

    /// <summary>Rents or allocates a buffer of at least <paramref name="size"/> bytes.</summary>
    public static (byte[] Buffer, bool Pooled) Allocate(int size) => size <= MaxPooledBuffer
        ? (ArrayPool<byte>.Shared.Rent(size), true)
        : (GC.AllocateUninitializedArray<byte>(size), false);

    /// <summary>Gives a buffer from <see cref="Allocate"/> back, clearing the <paramref name="used"/> bytes first.</summary>
    public static void Release(byte[] buffer, int used, bool pooled)
    {
        buffer.AsSpan(0, used).Clear();
        if (pooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Body).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Body, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(CreateStream());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => CreateStream();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            Release(buffer, _length, _pooled);
        }

        base.Dispose(disposing);
    }

    private MemoryStream CreateStream() =>
        new(_buffer ?? throw new ObjectDisposedException(nameof(RaviBufferedContent)), 0, _length, writable: false);
}

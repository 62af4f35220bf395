using System.Net;
using System.Runtime.InteropServices;

namespace Ravi.Sdk.Http;

/// <summary>
/// A request body held in memory that any number of request messages can send (each attempt, replay and redirect hop is
/// a fresh <see cref="HttpRequestMessage"/> with its own <see cref="Clone"/> of this content over the same bytes).
/// Disposing it releases nothing: the bytes belong to the call.
/// </summary>
internal sealed class RaviReplayableContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _body;

    public RaviReplayableContent(ReadOnlyMemory<byte> body)
    {
        _body = body;
    }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>
    /// Makes <paramref name="request"/>'s content replayable (reading a one-shot body into memory once); an upload's
    /// <see cref="RaviStreamContent"/> stays a stream.
    /// </summary>
    public static async Task EnsureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null or RaviReplayableContent or RaviStreamContent)
        {
            return;
        }

        var original = request.Content;
        var bytes = await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var replayable = new RaviReplayableContent(bytes);
        CopyHeaders(original, replayable);
        request.Content = replayable;
        original.Dispose();
    }

    /// <summary>A new content object over the same bytes, with the same headers.</summary>
    public RaviReplayableContent Clone()
    {
        var clone = new RaviReplayableContent(_body);
        CopyHeaders(this, clone);
        return clone;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_body).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body, cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(_body.Span);

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(CreateReadStream());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => CreateReadStream();

    private static void CopyHeaders(HttpContent from, HttpContent to)
    {
        foreach (var header in from.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                to.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    private MemoryStream CreateReadStream() => MemoryMarshal.TryGetArray(_body, out var segment)
        ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
        : new MemoryStream(_body.ToArray(), writable: false);
}

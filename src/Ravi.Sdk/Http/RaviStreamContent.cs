using System.Net;
using System.Runtime.CompilerServices;

namespace Ravi.Sdk.Http;

/// <summary>
/// A streamed request body over the caller's stream (the attachment upload), never buffered and never disposed. A seekable
/// stream is rewound to where it stood when the call began before each attempt sends it, so the idempotent PUT can be
/// retried; a stream that cannot seek is sent once (<see cref="CanResend"/> is false, and the call is not retried).
/// Each attempt sends its own <see cref="Clone"/> over the same stream.
/// </summary>
internal sealed class RaviStreamContent : HttpContent
{
    private const int CopyBufferSize = 81920;
    private readonly Stream _stream;
    private readonly long _start;
    private readonly StrongBox<int> _sends; // how many times any clone began sending the stream

    public RaviStreamContent(Stream stream)
        : this(stream, stream.CanSeek ? stream.Position : -1, new StrongBox<int>())
    {
    }

    private RaviStreamContent(Stream stream, long start, StrongBox<int> sends)
    {
        _stream = stream;
        _start = start;
        _sends = sends;
    }

    /// <summary>Whether a request with this body can be sent (again): the stream seeks, or it was not read yet.</summary>
    public bool CanResend => _start >= 0 || Volatile.Read(ref _sends.Value) == 0;

    /// <summary>Whether <paramref name="request"/>'s body can be sent again (any body but a stream that cannot seek).</summary>
    public static bool CanResendBody(HttpRequestMessage request) => request.Content is not RaviStreamContent content || content.CanResend;

    /// <summary>A new content object over the same stream, with the same headers.</summary>
    public RaviStreamContent Clone()
    {
        var clone = new RaviStreamContent(_stream, _start, _sends);
        foreach (var header in Headers.NonValidated)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return clone;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _sends.Value) > 1 && _start < 0)
        {
            throw new InvalidOperationException("The upload stream cannot seek, so it cannot be sent a second time.");
        }

        if (_start >= 0)
        {
            _stream.Position = _start;
        }

        await _stream.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false; // the caller states Content-Length
    }

    protected override void Dispose(bool disposing)
    {
        // The stream belongs to the caller: nothing of it is disposed.
        base.Dispose(disposing);
    }
}

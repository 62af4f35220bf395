using System.Globalization;

namespace Ravi.Sdk.Http;

/// <summary>
/// Reads a response body into a <see cref="RaviBufferedContent"/> inside the attempt (so the attempt and overall timeouts
/// bound the body too, and a connection lost mid-body is a transport failure of that attempt), enforcing a size limit
/// while reading: after gzip/deflate decompression, and at once when <c>Content-Length</c> announces too much.
/// Success bodies over the limit end the call; error bodies are cut at <see cref="ErrorBodyLimit"/> (only their start is kept).
/// </summary>
internal static class RaviResponseReader
{
    /// <summary>How much of an error body is kept (the error factory keeps less).</summary>
    public const int ErrorBodyLimit = 64 * 1024;

    private const int InitialBuffer = 16 * 1024;

    /// <summary>Replaces <paramref name="response"/>'s content with a buffered copy read under <paramref name="limit"/>.</summary>
    /// <exception cref="RaviApiException">A success body is larger than <paramref name="limit"/>.</exception>
    public static async Task BufferAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original is RaviBufferedContent)
        {
            return;
        }

        var success = response.IsSuccessStatusCode;
        var cap = success ? limit : Math.Min(limit, ErrorBodyLimit);
        var declared = original.Headers.ContentLength;
        if (success && declared > cap)
        {
            throw TooLarge(response, limit);
        }

        // Presized from Content-Length (+1, so the end is seen without growing), but never beyond one pooled buffer up front:
        // a declared length is a claim, and many concurrent claims must not allocate before the bytes arrive.
        var initial = declared is { } known ? Math.Min(Math.Min(known, cap) + 1, RaviBufferedContent.MaxPooledBuffer) : Math.Min(InitialBuffer, cap + 1);
        var (buffer, pooled) = RaviBufferedContent.Allocate((int)initial);
        var count = 0;
        var truncated = false;
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    var room = (int)Math.Min(buffer.Length, cap + 1);
                    if (count == room)
                    {
                        if (count > cap)
                        {
                            if (success)
                            {
                                throw TooLarge(response, limit);
                            }

                            buffer[(int)cap] = 0;
                            count = (int)cap; // keep the start of an error body
                            truncated = true;
                            break;
                        }

                        (buffer, pooled) = Grow(buffer, count, pooled, cap + 1);
                        room = (int)Math.Min(buffer.Length, cap + 1);
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(count, room - count), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    count += read;
                }
            }
        }
        catch
        {
            RaviBufferedContent.Release(buffer, count, pooled);
            throw;
        }

        var content = new RaviBufferedContent(buffer, count, pooled) { Truncated = truncated };
        foreach (var header in original.Headers.NonValidated) // a struct enumerator, and no parsing of the values
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                _ = header.Value.Count == 1
                    ? content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString())
                    : content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = content;
        original.Dispose();
    }

    /// <summary>The body of a response, buffering it first when that has not happened yet.</summary>
    public static async ValueTask<ReadOnlyMemory<byte>> ReadAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        if (response.Content is not RaviBufferedContent)
        {
            await BufferAsync(response, limit, cancellationToken).ConfigureAwait(false);
        }

        return ((RaviBufferedContent)response.Content).Body;
    }

    /// <summary>
    /// The next buffer size: doubles, never past <paramref name="maxSize"/> (at most 1 GiB + 1, so the arithmetic runs in
    /// 64 bits and cannot overflow into a negative size).
    /// </summary>
    internal static int NextSize(int current, long maxSize) => (int)Math.Min(Math.Max(2L * current, InitialBuffer), maxSize);

    private static (byte[] Buffer, bool Pooled) Grow(byte[] buffer, int count, bool pooled, long maxSize)
    {
        var (larger, largerPooled) = RaviBufferedContent.Allocate(NextSize(buffer.Length, maxSize));
        buffer.AsSpan(0, count).CopyTo(larger);
        RaviBufferedContent.Release(buffer, count, pooled);
        return (larger, largerPooled);
    }

    private static RaviApiException TooLarge(HttpResponseMessage response, long limit) =>
        new(
            $"The response to {(response.RequestMessage is { } request ? RaviOrigin.Operation(request) : "the request")} is larger than " +
            $"RaviClientOptions.MaxResponseBytes ({Describe(limit)}); the SDK stopped reading it. Raise MaxResponseBytes if the server really sends that much.",
            new RaviErrorDetails { StatusCode = response.StatusCode });

    private static string Describe(long bytes) => bytes % (1024 * 1024) == 0
        ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Ravi.Sdk.Http;

/// <summary>
/// The SDK's one reader of how long a server asked us to wait: <c>retry_after_seconds</c> (or <c>retry_after</c>) in a JSON
/// body, else the <c>Retry-After</c> header (seconds or an HTTP date). The HTTP retries read a response with it, and
/// <see cref="RaviErrorFactory"/> sets <see cref="RaviApiException.RetryAfter"/> with it, which the event stream's
/// reconnects, OTP polling and device-flow polling honour (<see cref="Of"/>).
/// </summary>
internal static class RaviRetryAfter
{
    private const long MaxBufferedBody = 256 * 1024;

    /// <summary>
    /// Buffers the (small) body so the caller can still read it, then parses the delay. Returns <see langword="null"/> when
    /// the server gave none.
    /// </summary>
    public static async ValueTask<TimeSpan?> ReadAsync(HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        TimeSpan? fromBody = null;
        var content = response.Content;
        if (content is RaviBufferedContent buffered)
        {
            fromBody = FromJson(buffered.Body.Span); // read by the chain inside the attempt
        }
        else if (content.Headers.ContentLength is null or (> 0 and <= MaxBufferedBody))
        {
            try
            {
                await content.LoadIntoBufferAsync(MaxBufferedBody, cancellationToken).ConfigureAwait(false);
                var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                fromBody = FromJson(bytes);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException)
            {
                // Unreadable body: fall back to the header.
            }
        }

        return fromBody ?? FromHeader(response.Headers, timeProvider);
    }

    /// <summary>The wait a body and headers ask for: the body's field first, else the header.</summary>
    public static TimeSpan? From(ReadOnlySpan<byte> body, HttpResponseHeaders? headers, TimeProvider timeProvider) =>
        FromJson(body) ?? FromHeader(headers, timeProvider);

    /// <summary>The wait a failed call's server asked for (<see cref="RaviApiException.RetryAfter"/>), if any.</summary>
    public static TimeSpan? Of(Exception exception) => (exception as RaviApiException)?.RetryAfter;

    /// <summary>Parses a <c>Retry-After</c> header: delta-seconds or an HTTP-date relative to now.</summary>
    public static TimeSpan? FromHeader(HttpResponseHeaders? headers, TimeProvider timeProvider)
    {
        var value = headers?.RetryAfter;
        if (value is null)
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Reads a top-level <c>retry_after_seconds</c> (or <c>retry_after</c>), number or numeric string.</summary>
    public static TimeSpan? FromJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals("retry_after_seconds"u8) || reader.ValueTextEquals("retry_after"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (match)
                {
                    double seconds;
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out seconds))
                    {
                        return ToSpan(seconds);
                    }

                    if (reader.TokenType == JsonTokenType.String &&
                        double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
                    {
                        return ToSpan(seconds);
                    }
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy page).
        }

        return null;
    }

    private static TimeSpan? ToSpan(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : null;
}

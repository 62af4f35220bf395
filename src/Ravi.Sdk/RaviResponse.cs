using System.Net;
using System.Net.Http.Headers;

namespace Ravi.Sdk;

/// <summary>
/// The status and headers of one successful HTTP response: what <see cref="RaviRequestOptions.OnResponse"/> receives and
/// what <see cref="RaviPage{T}.RawResponse"/> holds. The body is not kept (it was parsed into the result). Immutable.
/// </summary>
public sealed class RaviResponse
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    private readonly HttpResponseHeaders? _responseHeaders;
    private readonly HttpContentHeaders? _contentHeaders;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _headers;

    /// <summary>Creates a response for fakes and tests (e.g. pages for <see cref="RaviAsyncPageable.FromPages{T}"/>).</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="headers">The headers (name → values); names are case-insensitive. Null for none.</param>
    public RaviResponse(HttpStatusCode statusCode, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>? headers = null)
    {
        StatusCode = statusCode;
        if (headers is null)
        {
            _headers = NoHeaders;
            return;
        }

        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            copy[name] = [.. values];
        }

        _headers = copy;
    }

    private RaviResponse(HttpResponseMessage response, int attempts)
    {
        StatusCode = response.StatusCode;
        Attempts = attempts;
        _responseHeaders = response.Headers;
        _contentHeaders = response.Content?.Headers;
    }

    /// <summary>The HTTP status (2xx: only successful responses are reported).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>How many attempts the request took (1 unless it was retried).</summary>
    public int Attempts { get; } = 1;

    /// <summary>The response and content headers (name → values, names case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers =>
        Volatile.Read(ref _headers) ?? Interlocked.CompareExchange(ref _headers, CopyHeaders(), null) ?? _headers!;

    /// <summary>The server's request id (<c>X-Request-Id</c>), to quote in a support request; null when absent.</summary>
    public string? RequestId => GetHeader(Http.RaviHeaders.RequestId);

    /// <summary>A header's value (several values joined with <c>", "</c>), or null when the response has none of that name.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value, or null.</returns>
    public string? GetHeader(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"RaviResponse {{ StatusCode = {(int)StatusCode}, RequestId = {RequestId ?? "none"} }}";

    /// <summary>Wraps a response the pipeline read (headers are copied only when someone asks for them).</summary>
    internal static RaviResponse From(HttpResponseMessage response) => new(response, Http.RaviAttempts.Of(response));

    private Dictionary<string, IReadOnlyList<string>> CopyHeaders()
    {
        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(copy, _responseHeaders);
        Add(copy, _contentHeaders);
        return copy;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> copy, HttpHeaders? headers)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var header in headers.NonValidated)
        {
            copy[header.Key] = [.. header.Value];
        }
    }
}

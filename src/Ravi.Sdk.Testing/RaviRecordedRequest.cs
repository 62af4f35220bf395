namespace Ravi.Sdk.Testing;

/// <summary>A request the server received, recorded on arrival (see <see cref="RaviTestServer.Requests"/>).</summary>
public sealed class RaviRecordedRequest
{
    private int _statusCode;

    internal RaviRecordedRequest(long sequence, DateTimeOffset receivedAt, string method, string path, string queryString,
        IReadOnlyDictionary<string, string> headers)
    {
        Sequence = sequence;
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        QueryString = queryString;
        Headers = headers;
    }

    /// <summary>The arrival order, starting at 1.</summary>
    public long Sequence { get; }

    /// <summary>When the request arrived (server clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, e.g. <c>/api/identities/</c>.</summary>
    public string Path { get; }

    /// <summary>The query string including the leading <c>?</c>, or empty.</summary>
    public string QueryString { get; }

    /// <summary>The request headers (case-insensitive names; repeated headers joined with <c>, </c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The request body as UTF-8 text for API requests; <see langword="null"/> for storage uploads (see
    /// <see cref="RaviTestServer.UploadedAttachments"/>) and for bodies over the size limit.
    /// </summary>
    public string? Body { get; internal set; }

    /// <summary>
    /// The response status code, set when the response starts (before the client can see it), or 0 until then (e.g. a
    /// request held by <see cref="RaviTestServer.DelayNext"/>).
    /// </summary>
    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        internal set => Volatile.Write(ref _statusCode, value);
    }

    /// <summary>Gets a header value, or <see langword="null"/> when the request did not carry it.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The header value or <see langword="null"/>.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Path}{QueryString} -> {StatusCode}";
}

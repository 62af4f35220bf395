using System.Net.Http.Headers;
using System.Text;

namespace Ravi.Sdk.Tests.Support;

/// <summary>A snapshot of one request as it reached the transport: method, URI, raw headers and body bytes.</summary>
internal sealed class RecordedRequest
{
    public RecordedRequest(HttpMethod method, Uri uri, Dictionary<string, string> headers, Dictionary<string, string>? contentHeaders, byte[]? body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Body = body;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    /// <summary>Request headers, raw (unparsed) values, case-insensitive names.</summary>
    public Dictionary<string, string> Headers { get; }

    /// <summary>Content headers, or null when the request had no content.</summary>
    public Dictionary<string, string>? ContentHeaders { get; }

    /// <summary>The body bytes, or null when the request had no content.</summary>
    public byte[]? Body { get; }

    public string? BodyText => Body is null ? null : Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public string? ContentHeader(string name) => ContentHeaders is not null && ContentHeaders.TryGetValue(name, out var v) ? v : null;

    public static async Task<RecordedRequest> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = Snapshot(request.Headers);
        Dictionary<string, string>? contentHeaders = null;
        byte[]? body = null;
        if (request.Content is not null)
        {
            // Read the body first: Content-Length is computed lazily for buffered contents.
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            _ = request.Content.Headers.ContentLength;
            contentHeaders = Snapshot(request.Content.Headers);
        }

        return new RecordedRequest(request.Method, request.RequestUri!, headers, contentHeaders, body);
    }

    private static Dictionary<string, string> Snapshot(HttpHeaders headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers.NonValidated)
        {
            result[header.Key] = header.Value.ToString();
        }

        return result;
    }

    public override string ToString() => $"{Method} {Uri}";
}

namespace Ravi.Sdk.Http;

/// <summary>
/// The API origin rule: credentials and Ravi headers (<c>Authorization</c>, <c>X-Ravi-Identity</c>, <c>Last-Event-ID</c>,
/// the SDK's <c>User-Agent</c>, a call's <see cref="RaviRequestOptions"/> headers) only ever go to the scheme, host and port of
/// <see cref="RaviClientOptions.BaseAddress"/>.
/// </summary>
internal static class RaviOrigin
{
    /// <summary>Whether two absolute URIs share scheme, host and port.</summary>
    public static bool IsSame(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>Removes every header that must not leave the API origin (before a request goes to another host).</summary>
    public static void StripRaviHeaders(HttpRequestMessage request)
    {
        var headers = request.Headers;
        headers.Authorization = null;
        headers.Remove(RaviHeaders.Identity);
        headers.Remove(RaviHeaders.LastEventId);
        headers.Remove("User-Agent");
        RaviCallOptions.StripCallerHeaders(request); // a call's extra headers and Idempotency-Key are for the API too
    }

    /// <summary>A URI for messages: scheme, host, port and path, without the query string (it may carry a signature).</summary>
    public static Uri WithoutQuery(Uri uri) => new(uri.GetLeftPart(UriPartial.Path), UriKind.Absolute);

    /// <summary><c>METHOD /path</c> of a request, for messages (no host, no query string).</summary>
    public static string Operation(HttpRequestMessage request) => $"{request.Method.Method} {request.RequestUri?.AbsolutePath}";
}

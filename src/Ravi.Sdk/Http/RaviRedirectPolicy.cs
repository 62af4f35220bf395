using System.Net;

namespace Ravi.Sdk.Http;

/// <summary>
/// Which redirects the SDK follows (automatic redirects are off on its transport): only a same-origin redirect of a GET
/// (or HEAD) that is not an authentication endpoint, at most <see cref="MaxHops"/> in a row. Every other redirect ends the
/// call with <see cref="RaviRedirectException"/> naming the target, before anything is sent there.
/// </summary>
internal sealed class RaviRedirectPolicy
{
    /// <summary>The most redirects followed for one attempt.</summary>
    public const int MaxHops = 5;

    private const string AuthPath = "api/auth/";

    private readonly Uri _baseAddress;
    private readonly string _authPath;

    public RaviRedirectPolicy(Uri baseAddress)
    {
        _baseAddress = baseAddress;
        _authPath = new Uri(baseAddress, AuthPath).AbsolutePath;
    }

    /// <summary>Whether the response asks for a redirect (301, 302, 303, 307, 308 with a Location).</summary>
    public static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
        && response.Headers.Location is not null;

    /// <summary>
    /// The URI to send the next hop to, or throws <see cref="RaviRedirectException"/> when this redirect is not followed.
    /// </summary>
    /// <param name="request">The request that was redirected.</param>
    /// <param name="response">The redirect response (not disposed here).</param>
    /// <param name="hops">How many redirects this attempt followed already.</param>
    public Uri Follow(HttpRequestMessage request, HttpResponseMessage response, int hops)
    {
        var from = request.RequestUri!;
        var location = response.Headers.Location!;
        if (!Uri.TryCreate(from, location, out var target) || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            throw Refused(request, response, null, "to an invalid location");
        }

        if (!RaviOrigin.IsSame(from, _baseAddress))
        {
            throw Refused(request, response, target, "and requests to another host than the API (the presigned upload) never follow redirects");
        }

        if (!RaviOrigin.IsSame(target, _baseAddress))
        {
            throw Refused(request, response, target,
                $"to another origin than the API ({_baseAddress.GetLeftPart(UriPartial.Authority)}); the SDK never follows such a redirect, so the " +
                "credentials and Ravi headers never go there. Check RaviClientOptions.BaseAddress (scheme, host and port)");
        }

        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            throw Refused(request, response, target, $"and the SDK never follows a redirect of a {request.Method.Method}: its body would be sent again");
        }

        if (request.Options.TryGetValue(RaviHeaders.Anonymous, out var anonymous) && anonymous ||
            from.AbsolutePath.StartsWith(_authPath, StringComparison.Ordinal))
        {
            throw Refused(request, response, target, "and redirects of authentication endpoints are never followed");
        }

        if (hops >= MaxHops)
        {
            throw Refused(request, response, target, $"after {MaxHops} redirects already; the SDK follows at most {MaxHops} in a row");
        }

        return target;
    }

    /// <summary>The error for a redirect that is not followed (e.g. of a presigned upload, which never follows any).</summary>
    public static RaviRedirectException Refused(HttpRequestMessage request, HttpResponseMessage response, Uri? target, string why)
    {
        target ??= response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute : null;
        var shown = target is null ? "an unusable location" : RaviOrigin.WithoutQuery(target).AbsoluteUri;
        return new RaviRedirectException(
            $"{RaviOrigin.Operation(request)} was redirected ({(int)response.StatusCode}) to {shown} {why}. Nothing was sent there.",
            Details(response),
            target is null ? null : RaviOrigin.WithoutQuery(target));
    }

    /// <summary>
    /// The error for a redirect the transport already followed to another origin (a caller's <see cref="HttpClient"/> whose
    /// handler has <c>AllowAutoRedirect</c> on): the request may have reached that host; its answer is refused. The status of
    /// the redirect itself is not known then, so the error says 302 (the answer's status must not make anyone retry).
    /// </summary>
    public static RaviRedirectException FollowedByTransport(HttpRequestMessage request, HttpResponseMessage response, Uri target)
    {
        var shown = RaviOrigin.WithoutQuery(target);
        return new RaviRedirectException(
            $"{RaviOrigin.Operation(request)} was redirected to another origin, {shown.AbsoluteUri}, and the HttpClient given to RaviClient followed it " +
            "(its handler has AllowAutoRedirect on): the request may have reached that host, and the SDK refused its answer. " +
            "Give RaviClient an HttpClient whose handler has AllowAutoRedirect = false (the SDK follows safe redirects itself).",
            new RaviErrorDetails { StatusCode = HttpStatusCode.Redirect, RequestId = Details(response).RequestId },
            shown);
    }

    private static RaviErrorDetails Details(HttpResponseMessage response)
    {
        string? requestId = null;
        if (response.Headers.TryGetValues(RaviHeaders.RequestId, out var ids))
        {
            requestId = ids.FirstOrDefault();
        }

        return new RaviErrorDetails { StatusCode = response.StatusCode, RequestId = requestId };
    }
}

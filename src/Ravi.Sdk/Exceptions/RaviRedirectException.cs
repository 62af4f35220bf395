namespace Ravi.Sdk;

/// <summary>
/// The server answered with a redirect the SDK does not follow, so the call ended without sending anything to the target:
/// a redirect to another origin (scheme, host or port) than <see cref="RaviClientOptions.BaseAddress"/> (credentials and
/// Ravi headers never leave the API origin), any redirect of a POST or of an authentication endpoint, or a chain longer
/// than a few hops. <see cref="Location"/> names the target. When the caller's own <see cref="HttpClient"/> had already
/// followed the redirect (its handler's <c>AllowAutoRedirect</c> is on), the message says so: the request may have
/// reached the target, and the SDK refused its answer (<see cref="RaviApiException.StatusCode"/> is then 302, the
/// redirect's own status being unknown). Never retried.
/// </summary>
public sealed class RaviRedirectException : RaviApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do. Never contains secrets.</param>
    /// <param name="details">The redirect response (status, request id).</param>
    /// <param name="location">Where the server redirected to (without the query string), if it said.</param>
    public RaviRedirectException(string message, RaviErrorDetails details, Uri? location)
        : base(message, details)
    {
        Location = location;
    }

    /// <summary>The redirect target (scheme, host, port and path; the query string is left out), or <see langword="null"/> when the response had no usable <c>Location</c>.</summary>
    public Uri? Location { get; }
}

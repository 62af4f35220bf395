namespace Ravi.Sdk;

/// <summary>
/// 429 Too Many Requests from the server, or the SDK's optional client-side send limiter refusing a send.
/// <see cref="RaviApiException.RetryAfter"/> says how long to wait when known.
/// </summary>
public sealed class RaviRateLimitException : RaviApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviRateLimitException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

namespace Ravi.Sdk;

/// <summary>401 Unauthorized, or a token refresh that failed: the credentials are missing, expired or revoked. Log in again (device flow or <c>ravi login</c>).</summary>
public sealed class RaviAuthenticationException : RaviApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviAuthenticationException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

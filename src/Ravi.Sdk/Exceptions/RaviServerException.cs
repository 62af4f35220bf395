namespace Ravi.Sdk;

/// <summary>5xx: an unexpected server-side (or proxy) failure.</summary>
public sealed class RaviServerException : RaviApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviServerException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

namespace Ravi.Sdk;

/// <summary>404 Not Found: the resource does not exist or was deleted.</summary>
public sealed class RaviNotFoundException : RaviApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviNotFoundException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

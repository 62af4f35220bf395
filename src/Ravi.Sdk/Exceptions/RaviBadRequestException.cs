namespace Ravi.Sdk;

/// <summary>400 Bad Request: a missing or invalid field. See <see cref="RaviApiException.FieldErrors"/>.</summary>
public sealed class RaviBadRequestException : RaviApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviBadRequestException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

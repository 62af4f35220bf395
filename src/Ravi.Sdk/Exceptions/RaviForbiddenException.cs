namespace Ravi.Sdk;

/// <summary>403 Forbidden: the token lacks a scope, or the identity is not owned by this account.</summary>
public sealed class RaviForbiddenException : RaviApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviForbiddenException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

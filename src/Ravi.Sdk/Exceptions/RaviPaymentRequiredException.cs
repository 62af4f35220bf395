namespace Ravi.Sdk;

/// <summary>402 Payment Required: the action needs an active Ravi subscription.</summary>
public sealed class RaviPaymentRequiredException : RaviApiException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviPaymentRequiredException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

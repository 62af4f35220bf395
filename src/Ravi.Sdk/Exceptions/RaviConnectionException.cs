namespace Ravi.Sdk;

/// <summary>
/// The SDK could not complete an exchange with the Ravi API at the transport level: the connection was refused or
/// reset, the server closed it mid-body, sent an invalid status line, oversized headers or a corrupt compressed body.
/// <see cref="Exception.InnerException"/> holds the original transport exception; <see cref="Attempts"/> says how many
/// attempts were made before giving up (the message says so too). Check the network, a proxy or
/// <see cref="RaviClientOptions.BaseAddress"/>, then try again.
/// </summary>
public sealed class RaviConnectionException : RaviException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, including the number of attempts. Never contains secrets.</param>
    /// <param name="attempts">How many attempts were made (1 when the request was not retried).</param>
    /// <param name="innerException">The transport exception of the last attempt.</param>
    public RaviConnectionException(string message, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made before the SDK gave up (1 when the request was not retried).</summary>
    public int Attempts { get; }
}

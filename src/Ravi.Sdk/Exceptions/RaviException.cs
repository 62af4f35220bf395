namespace Ravi.Sdk;

/// <summary>
/// The base type of every exception the Ravi SDK throws on purpose (API errors, crypto failures,
/// OTP timeouts, missing identity scope). Argument validation errors are the standard
/// <see cref="ArgumentException"/> family instead.
/// </summary>
public class RaviException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public RaviException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong. Never contains secrets.</param>
    public RaviException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong. Never contains secrets.</param>
    /// <param name="innerException">The underlying cause.</param>
    public RaviException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

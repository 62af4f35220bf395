namespace Ravi.Sdk;

/// <summary>
/// The SDK could not save tokens (or keys) to the token store — for the CLI's <c>auth.json</c>: the path is a directory or
/// not writable, the file belongs to another account, or it could not be read safely. The tokens themselves are fine and
/// stay in memory for this client. After a login it is not thrown: it is reported as <see cref="Auth.RaviTokens.SaveFailure"/>
/// (and logged), because the login itself succeeded. <see cref="Exception.InnerException"/> holds the I/O error, if any.
/// </summary>
public sealed class RaviTokenStoreException : RaviException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do. Never contains a token.</param>
    /// <param name="path">The file that could not be written, if the store is a file.</param>
    /// <param name="innerException">The underlying I/O error, if any.</param>
    public RaviTokenStoreException(string message, string? path, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The file that could not be written, or <see langword="null"/> when the store is not a file.</summary>
    public string? Path { get; }
}

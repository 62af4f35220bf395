namespace Ravi.Sdk;

/// <summary>
/// An end-to-end encryption failure: wrong PIN, corrupted encryption metadata, tampered or truncated
/// ciphertext, a ciphertext for another key, or a secret write while the vault is locked.
/// Never carries plaintext, PINs or key material.
/// </summary>
public sealed class RaviCryptoException : RaviException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What kind of failure this is.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviCryptoException(RaviCryptoErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>What kind of failure this is.</summary>
    public RaviCryptoErrorKind Kind { get; }
}

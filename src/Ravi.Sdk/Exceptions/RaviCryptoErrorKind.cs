namespace Ravi.Sdk;

/// <summary>The kinds of <see cref="RaviCryptoException"/>.</summary>
public enum RaviCryptoErrorKind
{
    /// <summary>The PIN does not open the verifier.</summary>
    WrongPin,

    /// <summary>The encryption metadata on the server is malformed or inconsistent.</summary>
    CorruptedMetadata,

    /// <summary>A ciphertext is malformed, truncated, tampered with, or sealed for another key.</summary>
    InvalidCiphertext,

    /// <summary>The operation needs an unlocked key but the client is locked.</summary>
    Locked,

    /// <summary>End-to-end encryption has not been set up for this account.</summary>
    NotSetUp,

    /// <summary>The PIN or key has an invalid format.</summary>
    InvalidKey,

    /// <summary>A crypto library failed or could not be loaded: native libsodium, or the opt-in managed Argon2id without its package.</summary>
    NativeFailure,
}

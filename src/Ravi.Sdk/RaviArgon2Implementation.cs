namespace Ravi.Sdk;

/// <summary>Which Argon2id implementation derives the vault key from a PIN.</summary>
public enum RaviArgon2Implementation
{
    /// <summary>Native libsodium (through NSec) when it loads, otherwise the managed implementation if the application references it.</summary>
    Auto,

    /// <summary>Always native libsodium; fails if it cannot load.</summary>
    Native,

    /// <summary>
    /// Always the managed Konscious implementation (slower, no native dependency). Opt-in: the application references
    /// <c>Konscious.Security.Cryptography.Argon2</c> (1.3.1 or later); without it a <see cref="RaviCryptoException"/> names the package.
    /// </summary>
    Managed,
}

namespace Ravi.Sdk;

/// <summary>Which Argon2id implementation derives the vault key from a PIN.</summary>
public enum RaviArgon2Implementation
{
    /// <summary>Native libsodium (through NSec) when it loads, otherwise the managed implementation.</summary>
    Auto,

    /// <summary>Always native libsodium; fails if it cannot load.</summary>
    Native,

    /// <summary>Always the managed Konscious implementation (slower, no native dependency).</summary>
    Managed,
}

using Ravi.Sdk.Models;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// Encrypts secret fields on write and decrypts them on read for Passwords and Vault.
/// (Foundation version: no key yet; ciphertext reads are reported as encrypted, writes pass through.)
/// </summary>
#pragma warning disable CA1822 // instance members: the unlocked key will live here
internal sealed class SecretFieldCodec
{
    public const string Prefix = "e2e::";

    /// <summary>Encrypts a secret field for the wire.</summary>
    public string? Protect(string? plaintext, string fieldName)
    {
        _ = fieldName;
        return plaintext;
    }

    /// <summary>Decrypts a wire field; when it cannot (locked), returns null and flags the field.</summary>
    public string? Unprotect(string? wire, RaviEncryptedFields flag, ref RaviEncryptedFields encrypted)
    {
        if (wire is not null && wire.StartsWith(Prefix, StringComparison.Ordinal))
        {
            encrypted |= flag;
            return null;
        }

        return wire;
    }
}

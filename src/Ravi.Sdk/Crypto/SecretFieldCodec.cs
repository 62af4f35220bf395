using Ravi.Sdk.Models;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// Encrypts secret fields on write and decrypts them on read for Passwords and Vault, with the key unlocked on the root
/// client (shared by its identity views). Thread-safe: the key can be swapped or removed while requests are running.
/// </summary>
internal sealed class SecretFieldCodec : IDisposable
{
    public const string Prefix = RaviKeyPair.FieldPrefix;

    private RaviKeyPair? _key;

    /// <summary>Whether a key is installed.</summary>
    public bool IsUnlocked => Volatile.Read(ref _key) is { IsDisposed: false };

    /// <summary>The installed key's public key fingerprint, or null when locked.</summary>
    public string? Fingerprint => Volatile.Read(ref _key) is { } key ? RaviKeyPair.Fingerprint(key.PublicKey) : null;

    /// <summary>Installs a key (taking ownership of it) and wipes the previous one, if any.</summary>
    public void Unlock(RaviKeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Interlocked.Exchange(ref _key, key)?.Dispose();
    }

    /// <summary>Removes and wipes the key.</summary>
    public void Lock() => Interlocked.Exchange(ref _key, null)?.Dispose();

    /// <summary>
    /// Encrypts a secret field for the wire. Null stays null and the empty string stays empty (as in the CLI).
    /// </summary>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.Locked"/>: a non-empty value and no key.</exception>
    public string? Protect(string? plaintext, string fieldName)
    {
        if (string.IsNullOrEmpty(plaintext))
        {
            return plaintext;
        }

        for (var key = Volatile.Read(ref _key); key is not null; key = Volatile.Read(ref _key))
        {
            try
            {
                return key.EncryptField(plaintext);
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(key, Volatile.Read(ref _key)))
            {
                // Replaced (retry with the new key) or locked (fall through) concurrently.
            }
        }

        throw new RaviCryptoException(
            RaviCryptoErrorKind.Locked,
            $"Cannot write the '{fieldName}' field: the vault is locked. Call Encryption.UnlockAsync (or UnlockWithPrivateKey) first; nothing was sent.");
    }

    /// <summary>
    /// Decrypts a wire field. A value without the <c>e2e::</c> prefix is plaintext and passes through. When locked, an
    /// encrypted value becomes null and its flag is added to <paramref name="encrypted"/>.
    /// </summary>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.InvalidCiphertext"/>: the field is corrupt or for another key.</exception>
    public string? Unprotect(string? wire, EncryptedFields flag, ref EncryptedFields encrypted)
    {
        if (wire is null || !wire.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return wire;
        }

        for (var key = Volatile.Read(ref _key); key is not null; key = Volatile.Read(ref _key))
        {
            try
            {
                return key.DecryptField(wire);
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(key, Volatile.Read(ref _key)))
            {
                // Replaced (retry with the new key) or locked (report the field as encrypted) concurrently.
            }
            catch (RaviCryptoException ex) when (ex.Kind == RaviCryptoErrorKind.InvalidCiphertext)
            {
                throw new RaviCryptoException(ex.Kind, $"The '{flag}' field could not be decrypted. {ex.Message}", ex);
            }
        }

        encrypted |= flag;
        return null;
    }

    /// <summary>Wipes the key.</summary>
    public void Dispose() => Lock();
}

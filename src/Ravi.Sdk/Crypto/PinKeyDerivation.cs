using System.Security.Cryptography;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// PIN → key pair, as the CLI derives it: the 6 ASCII digits are the Argon2id (v1.3, t = 3, m = 64 MiB, p = 1) password,
/// the 16-byte salt comes from the encryption metadata, and the 32-byte output seeds <c>crypto_box_seed_keypair</c>.
/// The PIN bytes and the seed live on the stack and are wiped.
/// </summary>
internal static class PinKeyDerivation
{
    /// <summary>Validates a PIN: exactly 6 ASCII digits.</summary>
    /// <exception cref="ArgumentException">The PIN is null or not 6 ASCII digits.</exception>
    public static void ValidatePin(string? pin, string paramName = "pin")
    {
        ArgumentNullException.ThrowIfNull(pin, paramName);
        bool ok = pin.Length == RaviKeyPair.PinLength;
        for (int i = 0; ok && i < pin.Length; i++)
        {
            ok = char.IsAsciiDigit(pin[i]);
        }

        if (!ok)
        {
            throw new ArgumentException("The PIN must be exactly 6 ASCII digits.", paramName);
        }
    }

    /// <summary>Validates an Argon2id salt: 16 bytes.</summary>
    /// <exception cref="ArgumentException">The salt is not 16 bytes.</exception>
    public static void ValidateSalt(ReadOnlySpan<byte> salt)
    {
        if (salt.Length != RaviKeyPair.SaltLength)
        {
            throw new ArgumentException($"The salt must be {RaviKeyPair.SaltLength} bytes.", nameof(salt));
        }
    }

    /// <summary>Derives the key pair on the calling thread (about a second).</summary>
    /// <exception cref="ArgumentException">The PIN is not 6 ASCII digits, or the salt is not 16 bytes.</exception>
    /// <exception cref="RaviCryptoException">The Argon2id implementation is unavailable (<see cref="RaviCryptoErrorKind.NativeFailure"/>).</exception>
    public static RaviKeyPair Derive(string pin, ReadOnlySpan<byte> salt, RaviArgon2Implementation implementation)
    {
        ValidatePin(pin);
        ValidateSalt(salt);
        Span<byte> password = stackalloc byte[RaviKeyPair.PinLength];
        Span<byte> seed = stackalloc byte[RaviKeyPair.KeyLength];
        try
        {
            for (int i = 0; i < RaviKeyPair.PinLength; i++)
            {
                password[i] = (byte)pin[i];
            }

            RaviArgon2.DeriveSeed(password, salt, seed, implementation);
            return RaviKeyPair.FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Derives the key pair on the thread pool. Arguments are checked before any work starts; cancellation returns control
    /// at once and the key, when the derivation finishes anyway, is wiped.
    /// </summary>
    /// <exception cref="ArgumentException">The PIN is not 6 ASCII digits, or the salt is not 16 bytes.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<RaviKeyPair> DeriveAsync(string pin, ReadOnlyMemory<byte> salt, RaviArgon2Implementation implementation, CancellationToken cancellationToken)
    {
        ValidatePin(pin);
        ValidateSalt(salt.Span);
        cancellationToken.ThrowIfCancellationRequested();
        return DeriveCoreAsync(pin, salt.ToArray(), implementation, cancellationToken);
    }

    private static async Task<RaviKeyPair> DeriveCoreAsync(string pin, byte[] salt, RaviArgon2Implementation implementation, CancellationToken cancellationToken)
    {
        var derivation = Task.Run(() => Derive(pin, salt, implementation), CancellationToken.None);
        try
        {
            return await derivation.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Nobody will receive the key: wipe it as soon as the derivation completes.
            _ = derivation.ContinueWith(
                static t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        t.Result.Dispose();
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            throw;
        }
    }
}

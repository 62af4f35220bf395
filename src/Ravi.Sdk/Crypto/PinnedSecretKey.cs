using System.Security.Cryptography;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// The lifecycle of a key pair's X25519 private key: 32 bytes in pinned memory (never moved or copied by the GC), leased
/// by each operation that reads it and zeroed on <see cref="Dispose"/> once the last lease ends, or by the finalizer when
/// nobody disposed it. Thread-safe. Nothing here formats, logs or prints the key.
/// </summary>
internal sealed class PinnedSecretKey : IDisposable
{
    private const int DisposedFlag = 1 << 30;

    private readonly byte[] _key; // pinned

    // Number of in-flight leases on _key, plus DisposedFlag once Dispose was called.
    private int _state;

    private PinnedSecretKey(byte[] pinnedKey)
    {
        _key = pinnedKey;
    }

    /// <summary>Zeroes the key if it was never disposed.</summary>
    ~PinnedSecretKey()
    {
        CryptographicOperations.ZeroMemory(_key);
    }

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed => (Volatile.Read(ref _state) & DisposedFlag) != 0;

    /// <summary>The key pair of a 32-byte seed (<c>crypto_box_seed_keypair</c>); writes the public key.</summary>
    public static PinnedSecretKey FromSeed(ReadOnlySpan<byte> seed, Span<byte> publicKey)
    {
        var secret = GC.AllocateArray<byte>(RaviKeyPair.KeyLength, pinned: true);
        try
        {
            Sodium.SeedKeyPair(publicKey, secret, seed);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(secret);
            throw;
        }

        return new PinnedSecretKey(secret);
    }

    /// <summary>Copies a 32-byte private key (clamped or not) and writes its public key (<c>crypto_scalarmult_base</c>).</summary>
    /// <exception cref="RaviCryptoException">The key is degenerate (<see cref="RaviCryptoErrorKind.InvalidKey"/>).</exception>
    public static PinnedSecretKey FromPrivateKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        var secret = GC.AllocateArray<byte>(RaviKeyPair.KeyLength, pinned: true);
        privateKey.CopyTo(secret);
        bool ok;
        try
        {
            ok = Sodium.TryScalarMultBase(publicKey, secret);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(secret);
            throw;
        }

        if (!ok)
        {
            CryptographicOperations.ZeroMemory(secret);
            throw new RaviCryptoException(RaviCryptoErrorKind.InvalidKey, "The private key is not a usable X25519 key.");
        }

        return new PinnedSecretKey(secret);
    }

    /// <summary>Opens a sealed box addressed to <paramref name="publicKey"/> with this key; false when it is not authentic for it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TryOpen(Span<byte> message, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> publicKey)
    {
        Enter();
        try
        {
            return Sodium.TryOpen(message, sealedBytes, publicKey, _key);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Writes the key in the CLI's clamped form (<c>sk[0] &amp;= 248; sk[31] &amp;= 127; sk[31] |= 64</c>).</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public void CopyClampedTo(Span<byte> destination)
    {
        Enter();
        try
        {
            _key.CopyTo(destination);
            destination[0] &= 248;
            destination[31] &= 127;
            destination[31] |= 64;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Zeroes the key; in-flight leases on other threads finish first, later ones throw.</summary>
    public void Dispose()
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            if ((state & DisposedFlag) != 0)
            {
                break;
            }

            if (Interlocked.CompareExchange(ref _state, state | DisposedFlag, state) == state)
            {
                if (state == 0)
                {
                    CryptographicOperations.ZeroMemory(_key);
                }

                break;
            }
        }

        GC.SuppressFinalize(this);
    }

    private void Enter()
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            ObjectDisposedException.ThrowIf((state & DisposedFlag) != 0, typeof(RaviKeyPair));
            if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
            {
                return;
            }
        }
    }

    private void Exit()
    {
        if (Interlocked.Decrement(ref _state) == DisposedFlag)
        {
            // Dispose was called while this was the last lease in flight.
            CryptographicOperations.ZeroMemory(_key);
        }
    }
}

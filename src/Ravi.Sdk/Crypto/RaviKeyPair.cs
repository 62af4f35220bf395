using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// An X25519 key pair for the Ravi vault, byte-compatible with the official <c>ravi</c> CLI: derived from the 6-digit
/// PIN with Argon2id (v1.3, t = 3, m = 64 MiB, p = 1) and <c>crypto_box_seed_keypair</c>, or loaded from the CLI's
/// stored private key. Encrypts and decrypts <c>e2e::</c> fields (libsodium sealed boxes).
/// </summary>
/// <remarks>
/// The private key lives in pinned memory, is zeroed on <see cref="Dispose"/> (or by the finalizer if you forget), is never
/// logged and never appears in <see cref="ToString"/>. Instances are thread-safe; disposing while other threads decrypt is
/// safe too (the key is wiped when the last in-flight operation ends, later calls throw <see cref="ObjectDisposedException"/>).
/// </remarks>
public sealed class RaviKeyPair : IDisposable
{
    /// <summary>The prefix that marks an encrypted field.</summary>
    public const string FieldPrefix = "e2e::";

    /// <summary>The plaintext sealed in the verifier.</summary>
    public const string VerifierPlaintext = "ravi-e2e-verify";

    /// <summary>Length of a PIN (ASCII digits).</summary>
    public const int PinLength = 6;

    /// <summary>Length of the Argon2id salt in bytes.</summary>
    public const int SaltLength = 16;

    /// <summary>Length of the public and private keys in bytes.</summary>
    public const int KeyLength = 32;

    private const int DisposedFlag = 1 << 30;
    private const int StackLimit = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _secretKey; // pinned
    private readonly byte[] _publicKey;

    // Number of in-flight operations using _secretKey, plus DisposedFlag once Dispose was called.
    private int _state;

    private RaviKeyPair(byte[] pinnedSecretKey, byte[] publicKey)
    {
        _secretKey = pinnedSecretKey;
        _publicKey = publicKey;
    }

    /// <summary>Zeroes the private key if the pair was never disposed.</summary>
    ~RaviKeyPair()
    {
        CryptographicOperations.ZeroMemory(_secretKey);
    }

    /// <summary>The X25519 public key (32 bytes). Not secret; still readable after <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed => (Volatile.Read(ref _state) & DisposedFlag) != 0;

    /// <summary>
    /// Derives the key pair from a PIN the way the CLI does: Argon2id(PIN, salt) → 32-byte seed →
    /// <c>crypto_box_seed_keypair</c>. Runs on the calling thread and takes about a second; see
    /// <see cref="FromPinAsync"/>. Uses native libsodium, falling back to managed Argon2id if it cannot load and the application references Konscious.
    /// </summary>
    /// <param name="pin">Exactly 6 ASCII digits.</param>
    /// <param name="salt">The 16-byte salt from the encryption metadata.</param>
    /// <returns>The key pair; dispose it.</returns>
    /// <exception cref="ArgumentException">The PIN is not 6 ASCII digits, or the salt is not 16 bytes.</exception>
    /// <exception cref="RaviCryptoException">The Argon2id implementation is unavailable: libsodium does not load, or <see cref="RaviArgon2Implementation.Managed"/> without the Konscious package (<see cref="RaviCryptoErrorKind.NativeFailure"/>).</exception>
    public static RaviKeyPair FromPin(string pin, ReadOnlySpan<byte> salt) => FromPin(pin, salt, RaviArgon2Implementation.Auto);

    /// <summary>Derives the key pair from a PIN with a chosen Argon2id implementation (the outputs are identical).</summary>
    /// <param name="pin">Exactly 6 ASCII digits.</param>
    /// <param name="salt">The 16-byte salt from the encryption metadata.</param>
    /// <param name="implementation">Native libsodium, managed Konscious, or automatic.</param>
    /// <returns>The key pair; dispose it.</returns>
    /// <exception cref="ArgumentException">The PIN is not 6 ASCII digits, or the salt is not 16 bytes.</exception>
    /// <exception cref="RaviCryptoException">The Argon2id implementation is unavailable: libsodium does not load, or <see cref="RaviArgon2Implementation.Managed"/> without the Konscious package (<see cref="RaviCryptoErrorKind.NativeFailure"/>).</exception>
    public static RaviKeyPair FromPin(string pin, ReadOnlySpan<byte> salt, RaviArgon2Implementation implementation)
    {
        ValidatePin(pin);
        ValidateSalt(salt);
        Span<byte> password = stackalloc byte[PinLength];
        Span<byte> seed = stackalloc byte[KeyLength];
        try
        {
            for (int i = 0; i < PinLength; i++)
            {
                password[i] = (byte)pin[i];
            }

            RaviArgon2.DeriveSeed(password, salt, seed, implementation);
            return FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Derives the key pair from a PIN on the thread pool. Cancellation returns control at once (the derivation itself
    /// cannot be interrupted; its result is wiped when it finishes).
    /// </summary>
    /// <param name="pin">Exactly 6 ASCII digits.</param>
    /// <param name="salt">The 16-byte salt from the encryption metadata.</param>
    /// <param name="implementation">Native libsodium, managed Konscious, or automatic.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>The key pair; dispose it.</returns>
    /// <exception cref="ArgumentException">The PIN is not 6 ASCII digits, or the salt is not 16 bytes (thrown before any work starts).</exception>
    /// <exception cref="RaviCryptoException">The Argon2id implementation is unavailable: libsodium does not load, or <see cref="RaviArgon2Implementation.Managed"/> without the Konscious package (<see cref="RaviCryptoErrorKind.NativeFailure"/>).</exception>
    public static Task<RaviKeyPair> FromPinAsync(string pin, ReadOnlyMemory<byte> salt, RaviArgon2Implementation implementation = RaviArgon2Implementation.Auto, CancellationToken cancellationToken = default)
    {
        ValidatePin(pin);
        ValidateSalt(salt.Span);
        cancellationToken.ThrowIfCancellationRequested();
        var saltCopy = salt.ToArray();
        return FromPinCoreAsync(pin, saltCopy, implementation, cancellationToken);
    }

    /// <summary>The key pair of a 32-byte seed, as <c>crypto_box_seed_keypair</c> makes it.</summary>
    /// <param name="seed">The 32-byte seed (the Argon2id output).</param>
    /// <returns>The key pair; dispose it.</returns>
    /// <exception cref="ArgumentException">The seed is not 32 bytes.</exception>
    public static RaviKeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != KeyLength)
        {
            throw new ArgumentException($"The seed must be {KeyLength} bytes.", nameof(seed));
        }

        var secret = GC.AllocateArray<byte>(KeyLength, pinned: true);
        var publicKey = new byte[KeyLength];
        try
        {
            Sodium.SeedKeyPair(publicKey, secret, seed);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(secret);
            throw;
        }

        return new RaviKeyPair(secret, publicKey);
    }

    /// <summary>
    /// Loads a 32-byte X25519 private key: the CLI's stored (clamped) form or libsodium's (unclamped) form — they are the
    /// same key. The public key is recomputed with <c>crypto_scalarmult_base</c>. The input is copied.
    /// </summary>
    /// <param name="privateKey">The private key (32 bytes).</param>
    /// <returns>The key pair; dispose it.</returns>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    /// <exception cref="RaviCryptoException">The key is degenerate (<see cref="RaviCryptoErrorKind.InvalidKey"/>).</exception>
    public static RaviKeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != KeyLength)
        {
            throw new ArgumentException($"The private key must be {KeyLength} bytes.", nameof(privateKey));
        }

        var secret = GC.AllocateArray<byte>(KeyLength, pinned: true);
        privateKey.CopyTo(secret);
        var publicKey = new byte[KeyLength];
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

        return new RaviKeyPair(secret, publicKey);
    }

    /// <summary>
    /// Encrypts a field for a public key: <c>"e2e::" + base64(crypto_box_seal(utf8(plaintext), publicKey))</c>. The empty
    /// string encrypts to the empty string, as in the CLI. Every call gives a different ciphertext (random ephemeral key).
    /// </summary>
    /// <param name="plaintext">The text to encrypt.</param>
    /// <param name="publicKey">The recipient's X25519 public key (32 bytes).</param>
    /// <returns>The field value to store.</returns>
    /// <exception cref="ArgumentException">The public key is not 32 bytes, or the plaintext is not valid UTF-16 (lone surrogate).</exception>
    public static string EncryptField(string plaintext, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ValidatePublicKey(publicKey);
        if (plaintext.Length == 0)
        {
            return string.Empty;
        }

        var sealedBytes = SealUtf8(plaintext, publicKey, out var rented);
        try
        {
            int length = FieldPrefix.Length + (((sealedBytes.Length + 2) / 3) * 4);
            return string.Create(length, sealedBytes, static (span, bytes) =>
            {
                FieldPrefix.AsSpan().CopyTo(span);
                Convert.TryToBase64Chars(bytes, span[FieldPrefix.Length..], out _);
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Encrypts a field for this key pair's public key. See <see cref="EncryptField(string, ReadOnlySpan{byte})"/>.</summary>
    /// <param name="plaintext">The text to encrypt.</param>
    /// <returns>The field value to store.</returns>
    public string EncryptField(string plaintext) => EncryptField(plaintext, _publicKey);

    /// <summary>
    /// Decrypts a field. A value that starts with <c>e2e::</c> (case-sensitive) is opened with this key pair; any other
    /// value is plaintext and is returned unchanged (the empty string included).
    /// </summary>
    /// <param name="value">The stored field value.</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="RaviCryptoException">
    /// <see cref="RaviCryptoErrorKind.InvalidCiphertext"/>: the payload is not strict base64, is shorter than 48 bytes,
    /// was tampered with or truncated, was sealed for another key, or does not hold UTF-8 text.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public string DecryptField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith(FieldPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        return DecryptPayload(value.AsSpan(FieldPrefix.Length));
    }

    /// <summary>Seals <c>ravi-e2e-verify</c> for this key pair: the verifier stored in the encryption metadata (base64, no prefix).</summary>
    /// <returns>The verifier.</returns>
    public string CreateVerifier()
    {
        Span<byte> sealedBytes = stackalloc byte[VerifierPlaintext.Length + Sodium.SealBytes];
        Span<byte> message = stackalloc byte[VerifierPlaintext.Length];
        Encoding.ASCII.GetBytes(VerifierPlaintext, message);
        Sodium.Seal(sealedBytes, message, _publicKey);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>
    /// Whether a verifier opens with this key pair and holds exactly <c>ravi-e2e-verify</c>. False for anything else,
    /// malformed input included.
    /// </summary>
    /// <param name="verifier">The verifier from the encryption metadata (base64, no prefix).</param>
    /// <returns>True when the verifier was sealed for this key.</returns>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public bool VerifyVerifier(string? verifier)
    {
        if (string.IsNullOrEmpty(verifier) || verifier.Length > 1024)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[StrictBase64.MaxDecodedLength(verifier.Length)];
        if (!StrictBase64.TryDecode(verifier, decoded, out int written) || written != VerifierPlaintext.Length + Sodium.SealBytes)
        {
            return false;
        }

        Span<byte> message = stackalloc byte[VerifierPlaintext.Length];
        if (!TryOpen(message, decoded[..written]))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[VerifierPlaintext.Length];
        Encoding.ASCII.GetBytes(VerifierPlaintext, expected);
        return CryptographicOperations.FixedTimeEquals(message, expected);
    }

    /// <summary>
    /// Writes the private key in the CLI's stored form (clamped: <c>sk[0] &amp;= 248; sk[31] &amp;= 127; sk[31] |= 64</c>),
    /// e.g. to save it in <c>auth.json</c> as the CLI does. Handle the copy with care and wipe it.
    /// </summary>
    /// <param name="destination">At least 32 bytes.</param>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public void CopyPrivateKeyTo(Span<byte> destination)
    {
        if (destination.Length < KeyLength)
        {
            throw new ArgumentException($"The destination must hold {KeyLength} bytes.", nameof(destination));
        }

        Enter();
        try
        {
            _secretKey.CopyTo(destination);
            destination[0] &= 248;
            destination[31] &= 127;
            destination[31] |= 64;
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Whether this key pair's public key equals <paramref name="publicKey"/> (constant time).</summary>
    /// <param name="publicKey">A public key.</param>
    /// <returns>True when equal.</returns>
    public bool HasPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == KeyLength && CryptographicOperations.FixedTimeEquals(publicKey, _publicKey);

    /// <summary>Zeroes the private key. In-flight operations on other threads finish first.</summary>
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
                    CryptographicOperations.ZeroMemory(_secretKey);
                }

                break;
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Shows the public key fingerprint only (first 8 bytes of SHA-256(public key), hex).</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"RaviKeyPair {{ PublicKeyFingerprint = {Fingerprint(_publicKey)}{(IsDisposed ? ", Disposed" : "")} }}";

    /// <summary>Validates a PIN: exactly 6 ASCII digits.</summary>
    internal static void ValidatePin(string? pin, string paramName = "pin")
    {
        ArgumentNullException.ThrowIfNull(pin, paramName);
        bool ok = pin.Length == PinLength;
        for (int i = 0; ok && i < pin.Length; i++)
        {
            ok = char.IsAsciiDigit(pin[i]);
        }

        if (!ok)
        {
            throw new ArgumentException("The PIN must be exactly 6 ASCII digits.", paramName);
        }
    }

    /// <summary>A short, non-secret fingerprint of a public key.</summary>
    internal static string Fingerprint(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(publicKey, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Opens a sealed box with this key pair; false when it is not authentic for it.</summary>
    internal bool TryOpen(Span<byte> message, ReadOnlySpan<byte> sealedBytes)
    {
        Enter();
        try
        {
            return Sodium.TryOpen(message, sealedBytes, _publicKey, _secretKey);
        }
        finally
        {
            Exit();
        }
    }

    private static async Task<RaviKeyPair> FromPinCoreAsync(string pin, byte[] salt, RaviArgon2Implementation implementation, CancellationToken cancellationToken)
    {
        var derivation = Task.Run(() => FromPin(pin, salt, implementation), CancellationToken.None);
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

    private static void ValidateSalt(ReadOnlySpan<byte> salt)
    {
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException($"The salt must be {SaltLength} bytes.", nameof(salt));
        }
    }

    private static void ValidatePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != KeyLength)
        {
            throw new ArgumentException($"The public key must be {KeyLength} bytes.", nameof(publicKey));
        }
    }

    // Returns the sealed bytes as a slice of a rented array (which the caller returns). The UTF-8 plaintext is wiped.
    private static ReadOnlySpan<byte> SealUtf8(string plaintext, ReadOnlySpan<byte> publicKey, out byte[] rented)
    {
        int plainLength;
        try
        {
            plainLength = StrictUtf8.GetByteCount(plaintext);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("The plaintext is not valid UTF-16 (it contains a lone surrogate).", nameof(plaintext), ex);
        }

        int sealedLength = plainLength + Sodium.SealBytes;
        rented = ArrayPool<byte>.Shared.Rent(plainLength + sealedLength);
        var plain = rented.AsSpan(0, plainLength);
        var sealedBytes = rented.AsSpan(plainLength, sealedLength);
        try
        {
            StrictUtf8.GetBytes(plaintext, plain);
            Sodium.Seal(sealedBytes, plain, publicKey);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(plain);
            ArrayPool<byte>.Shared.Return(rented);
            throw;
        }

        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    private static RaviCryptoException Invalid(string message) => new(RaviCryptoErrorKind.InvalidCiphertext, message);

    private string DecryptPayload(ReadOnlySpan<char> payload)
    {
        if (payload.IsEmpty)
        {
            throw Invalid("The encrypted field has an empty payload.");
        }

        int maxDecoded = StrictBase64.MaxDecodedLength(payload.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxDecoded * 2 <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxDecoded * 2));
        var decoded = buffer[..maxDecoded];
        scoped Span<byte> plain = default;
        try
        {
            if (!StrictBase64.TryDecode(payload, decoded, out int written))
            {
                throw Invalid("The encrypted field is not valid base64 (standard alphabet, padded, no whitespace).");
            }

            if (written < Sodium.SealBytes)
            {
                throw Invalid("The encrypted field is too short to be a sealed box.");
            }

            plain = buffer.Slice(maxDecoded, written - Sodium.SealBytes);
            if (!TryOpen(plain, decoded[..written]))
            {
                throw Invalid("The encrypted field could not be decrypted: it was tampered with, truncated, or sealed for another key.");
            }

            try
            {
                return StrictUtf8.GetString(plain);
            }
            catch (DecoderFallbackException)
            {
                throw Invalid("The encrypted field does not hold UTF-8 text.");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void Enter()
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            ObjectDisposedException.ThrowIf((state & DisposedFlag) != 0, this);
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
            // Dispose was called while this was the last operation in flight.
            CryptographicOperations.ZeroMemory(_secretKey);
        }
    }
}

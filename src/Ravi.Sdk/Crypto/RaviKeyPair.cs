using System.Security.Cryptography;

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

    private readonly PinnedSecretKey _secret;
    private readonly byte[] _publicKey;

    private RaviKeyPair(PinnedSecretKey secret, byte[] publicKey)
    {
        _secret = secret;
        _publicKey = publicKey;
    }

    /// <summary>The X25519 public key (32 bytes). Not secret; still readable after <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed => _secret.IsDisposed;

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
    public static RaviKeyPair FromPin(string pin, ReadOnlySpan<byte> salt, RaviArgon2Implementation implementation) =>
        PinKeyDerivation.Derive(pin, salt, implementation);

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
    public static Task<RaviKeyPair> FromPinAsync(string pin, ReadOnlyMemory<byte> salt, RaviArgon2Implementation implementation = RaviArgon2Implementation.Auto, CancellationToken cancellationToken = default) =>
        PinKeyDerivation.DeriveAsync(pin, salt, implementation, cancellationToken);

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

        var publicKey = new byte[KeyLength];
        return new RaviKeyPair(PinnedSecretKey.FromSeed(seed, publicKey), publicKey);
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

        var publicKey = new byte[KeyLength];
        return new RaviKeyPair(PinnedSecretKey.FromPrivateKey(privateKey, publicKey), publicKey);
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
        return E2eFieldFormat.Encrypt(plaintext, publicKey);
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
        return E2eFieldFormat.Decrypt(this, value);
    }

    /// <summary>Seals <c>ravi-e2e-verify</c> for this key pair: the verifier stored in the encryption metadata (base64, no prefix).</summary>
    /// <returns>The verifier.</returns>
    public string CreateVerifier() => E2eFieldFormat.CreateVerifier(_publicKey);

    /// <summary>
    /// Whether a verifier opens with this key pair and holds exactly <c>ravi-e2e-verify</c>. False for anything else,
    /// malformed input included.
    /// </summary>
    /// <param name="verifier">The verifier from the encryption metadata (base64, no prefix).</param>
    /// <returns>True when the verifier was sealed for this key.</returns>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public bool VerifyVerifier(string? verifier) => E2eFieldFormat.OpenVerifier(this, verifier) == VerifierState.Valid;

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

        _secret.CopyClampedTo(destination);
    }

    /// <summary>Whether this key pair's public key equals <paramref name="publicKey"/> (constant time).</summary>
    /// <param name="publicKey">A public key.</param>
    /// <returns>True when equal.</returns>
    public bool HasPublicKey(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == KeyLength && CryptographicOperations.FixedTimeEquals(publicKey, _publicKey);

    /// <summary>Zeroes the private key. In-flight operations on other threads finish first.</summary>
    public void Dispose() => _secret.Dispose();

    /// <summary>Shows the public key fingerprint only (first 8 bytes of SHA-256(public key), hex).</summary>
    /// <returns>A description without secrets.</returns>
    public override string ToString() => $"RaviKeyPair {{ PublicKeyFingerprint = {Fingerprint(_publicKey)}{(IsDisposed ? ", Disposed" : "")} }}";

    /// <summary>A short, non-secret fingerprint of a public key.</summary>
    internal static string Fingerprint(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(publicKey, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Opens a sealed box with this key pair; false when it is not authentic for it.</summary>
    internal bool TryOpen(Span<byte> message, ReadOnlySpan<byte> sealedBytes) => _secret.TryOpen(message, sealedBytes, _publicKey);

    private static void ValidatePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != KeyLength)
        {
            throw new ArgumentException($"The public key must be {KeyLength} bytes.", nameof(publicKey));
        }
    }
}

using System.Runtime.InteropServices;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// The only P/Invoke surface of the SDK: libsodium's sealed box and seed keypair functions, called on the
/// <c>libsodium</c> native library that NSec.Cryptography already depends on (the <c>libsodium</c> NuGet package ships
/// it as <c>runtimes/&lt;rid&gt;/native/libsodium.{so,dylib,dll}</c>). Both NSec and this class import the library by the
/// name <c>libsodium</c>, so the runtime resolves one and the same copy through the app's <c>deps.json</c> native
/// asset list: there is no second native binary.
/// </summary>
internal static unsafe partial class Sodium
{
    /// <summary>The library name NSec uses for its own imports.</summary>
    public const string LibraryName = "libsodium";

    /// <summary>X25519 public key size.</summary>
    public const int PublicKeyBytes = 32;

    /// <summary>X25519 secret key size.</summary>
    public const int SecretKeyBytes = 32;

    /// <summary>Seed size of <c>crypto_box_seed_keypair</c>.</summary>
    public const int SeedBytes = 32;

    /// <summary>Overhead of a sealed box: ephemeral public key (32) + Poly1305 tag (16).</summary>
    public const int SealBytes = 48;

    /// <summary>
    /// Loads libsodium and runs <c>sodium_init</c> once per process. Holds the load failure, if any, so that callers can
    /// fall back (Argon2id) or report it (sealed boxes). Immutable after first use.
    /// </summary>
    private static readonly Lazy<Exception?> Initialization = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the native library loaded and initialised.</summary>
    public static bool IsAvailable => Initialization.Value is null;

    /// <summary>Throws <see cref="RaviCryptoException"/> (<see cref="RaviCryptoErrorKind.NativeFailure"/>) when libsodium is unusable.</summary>
    public static void EnsureAvailable()
    {
        if (Initialization.Value is { } error)
        {
            throw new RaviCryptoException(
                RaviCryptoErrorKind.NativeFailure,
                "The native libsodium library could not be loaded; end-to-end encryption is unavailable on this platform.",
                error);
        }
    }

    /// <summary>Seals <paramref name="message"/> for <paramref name="publicKey"/> into <paramref name="ciphertext"/> (length = message + 48).</summary>
    public static void Seal(Span<byte> ciphertext, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (ciphertext.Length != message.Length + SealBytes || publicKey.Length != PublicKeyBytes)
        {
            throw new ArgumentException("Invalid buffer sizes for crypto_box_seal.");
        }

        EnsureAvailable();
        int rc;
        fixed (byte* c = ciphertext)
        fixed (byte* m = message)
        fixed (byte* pk = publicKey)
        {
            rc = crypto_box_seal(c, m, (ulong)message.Length, pk);
        }

        if (rc != 0)
        {
            throw new RaviCryptoException(RaviCryptoErrorKind.NativeFailure, "crypto_box_seal failed.");
        }
    }

    /// <summary>
    /// Opens a sealed box into <paramref name="message"/> (length = ciphertext - 48). Returns false when the box is not
    /// authentic for this key pair (tampered, truncated or sealed for another key); <paramref name="message"/> is then
    /// zeroed.
    /// </summary>
    public static bool TryOpen(Span<byte> message, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> secretKey)
    {
        if (ciphertext.Length < SealBytes || message.Length != ciphertext.Length - SealBytes ||
            publicKey.Length != PublicKeyBytes || secretKey.Length != SecretKeyBytes)
        {
            return false;
        }

        EnsureAvailable();
        int rc;
        fixed (byte* m = message)
        fixed (byte* c = ciphertext)
        fixed (byte* pk = publicKey)
        fixed (byte* sk = secretKey)
        {
            rc = crypto_box_seal_open(m, c, (ulong)ciphertext.Length, pk, sk);
        }

        if (rc != 0)
        {
            message.Clear();
            return false;
        }

        return true;
    }

    /// <summary><c>crypto_box_seed_keypair</c>: secret = SHA-512(seed)[0..32] (unclamped), public = X25519 base point multiple.</summary>
    public static void SeedKeyPair(Span<byte> publicKey, Span<byte> secretKey, ReadOnlySpan<byte> seed)
    {
        if (publicKey.Length != PublicKeyBytes || secretKey.Length != SecretKeyBytes || seed.Length != SeedBytes)
        {
            throw new ArgumentException("Invalid buffer sizes for crypto_box_seed_keypair.");
        }

        EnsureAvailable();
        int rc;
        fixed (byte* pk = publicKey)
        fixed (byte* sk = secretKey)
        fixed (byte* s = seed)
        {
            rc = crypto_box_seed_keypair(pk, sk, s);
        }

        if (rc != 0)
        {
            throw new RaviCryptoException(RaviCryptoErrorKind.NativeFailure, "crypto_box_seed_keypair failed.");
        }
    }

    /// <summary>
    /// <c>crypto_scalarmult_base</c>: the X25519 public key of a secret scalar. libsodium clamps the scalar itself, so the
    /// clamped and unclamped forms of a key give the same public key. Returns false for a degenerate result.
    /// </summary>
    public static bool TryScalarMultBase(Span<byte> publicKey, ReadOnlySpan<byte> secretKey)
    {
        if (publicKey.Length != PublicKeyBytes || secretKey.Length != SecretKeyBytes)
        {
            return false;
        }

        EnsureAvailable();
        fixed (byte* q = publicKey)
        fixed (byte* n = secretKey)
        {
            return crypto_scalarmult_base(q, n) == 0;
        }
    }

    private static Exception? Initialize()
    {
        try
        {
            if (sodium_init() < 0)
            {
                return new InvalidOperationException("sodium_init failed.");
            }

            // Guard against an incompatible build: the constants this class relies on must match.
            if (crypto_box_sealbytes() != SealBytes ||
                crypto_box_publickeybytes() != PublicKeyBytes ||
                crypto_box_secretkeybytes() != SecretKeyBytes ||
                crypto_box_seedbytes() != SeedBytes)
            {
                return new InvalidOperationException("The loaded libsodium has unexpected crypto_box sizes.");
            }

            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return ex;
        }
    }

    [LibraryImport(LibraryName)]
    private static partial int sodium_init();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_box_sealbytes();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_box_publickeybytes();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_box_secretkeybytes();

    [LibraryImport(LibraryName)]
    private static partial nuint crypto_box_seedbytes();

    [LibraryImport(LibraryName)]
    private static partial int crypto_box_seal(byte* c, byte* m, ulong mlen, byte* pk);

    [LibraryImport(LibraryName)]
    private static partial int crypto_box_seal_open(byte* m, byte* c, ulong clen, byte* pk, byte* sk);

    [LibraryImport(LibraryName)]
    private static partial int crypto_box_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(LibraryName)]
    private static partial int crypto_scalarmult_base(byte* q, byte* n);
}

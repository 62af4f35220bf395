using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// The CLI's <c>e2e::</c> field format and its verifier: a field is <c>"e2e::" + base64(crypto_box_seal(utf8(text), pk))</c>
/// (the empty string stays empty; a value without the prefix is plaintext), and the verifier is
/// <c>base64(crypto_box_seal("ravi-e2e-verify", pk))</c> without prefix. Base64 is strict (standard alphabet, padded, no
/// whitespace) and plaintext UTF-8 is strict; decrypted and encoded plaintext bytes are wiped.
/// </summary>
internal static class E2eFieldFormat
{
    /// <summary>Size of a verifier: a sealed box of the 15-byte <c>ravi-e2e-verify</c>.</summary>
    public const int VerifierBytes = 15 + Sodium.SealBytes;

    /// <summary>The longest verifier text looked at (anything longer is not a verifier).</summary>
    public const int MaxVerifierLength = 1024;

    private const int StackLimit = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encrypts a field for a public key (already checked to be 32 bytes).</summary>
    /// <exception cref="ArgumentException">The plaintext is not valid UTF-16 (lone surrogate).</exception>
    public static string Encrypt(string plaintext, ReadOnlySpan<byte> publicKey)
    {
        if (plaintext.Length == 0)
        {
            return string.Empty;
        }

        var sealedBytes = SealUtf8(plaintext, publicKey, out var rented);
        try
        {
            int length = RaviKeyPair.FieldPrefix.Length + (((sealedBytes.Length + 2) / 3) * 4);
            return string.Create(length, sealedBytes, static (span, bytes) =>
            {
                RaviKeyPair.FieldPrefix.AsSpan().CopyTo(span);
                Convert.TryToBase64Chars(bytes, span[RaviKeyPair.FieldPrefix.Length..], out _);
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decrypts a field with <paramref name="key"/>; a value without the (case-sensitive) prefix is returned unchanged.</summary>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.InvalidCiphertext"/>: not strict base64, too short, not authentic for the key, or not UTF-8.</exception>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public static string Decrypt(RaviKeyPair key, string value)
    {
        if (!value.StartsWith(RaviKeyPair.FieldPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        var payload = value.AsSpan(RaviKeyPair.FieldPrefix.Length);
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
            if (!key.TryOpen(plain, decoded[..written]))
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

    /// <summary>Seals <c>ravi-e2e-verify</c> for a public key: the verifier (base64, no prefix).</summary>
    public static string CreateVerifier(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> sealedBytes = stackalloc byte[VerifierBytes];
        Span<byte> message = stackalloc byte[RaviKeyPair.VerifierPlaintext.Length];
        Encoding.ASCII.GetBytes(RaviKeyPair.VerifierPlaintext, message);
        Sodium.Seal(sealedBytes, message, publicKey);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>
    /// The one verifier check: whether <paramref name="verifier"/> is strict base64 of a sealed box of the right size that
    /// opens with <paramref name="key"/>, and whether it holds exactly <c>ravi-e2e-verify</c> (constant-time compare).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public static VerifierState OpenVerifier(RaviKeyPair key, string? verifier)
    {
        if (string.IsNullOrEmpty(verifier) || verifier.Length > MaxVerifierLength)
        {
            return VerifierState.NotForThisKey;
        }

        Span<byte> sealedBytes = stackalloc byte[StrictBase64.MaxDecodedLength(verifier.Length)];
        if (!StrictBase64.TryDecode(verifier, sealedBytes, out int written) || written != VerifierBytes)
        {
            return VerifierState.NotForThisKey;
        }

        Span<byte> message = stackalloc byte[VerifierBytes - Sodium.SealBytes];
        if (!key.TryOpen(message, sealedBytes[..written]))
        {
            return VerifierState.NotForThisKey;
        }

        Span<byte> expected = stackalloc byte[message.Length];
        Encoding.ASCII.GetBytes(RaviKeyPair.VerifierPlaintext, expected);
        return CryptographicOperations.FixedTimeEquals(message, expected) ? VerifierState.Valid : VerifierState.WrongContent;
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
}

using Ravi.Sdk.Models;

namespace Ravi.Sdk.Crypto;

/// <summary>
/// Validates encryption metadata and checks a derived key against it, telling a wrong PIN from corrupted metadata.
/// </summary>
/// <remarks>
/// <para>The rule:</para>
/// <list type="number">
/// <item>Structure first, before any (expensive) derivation: no metadata, or no public key and no verifier, is
/// <see cref="RaviCryptoErrorKind.NotSetUp"/>. Any present-but-unusable part — salt not strict base64 of 16 bytes,
/// public key not strict base64 of 32 bytes, verifier not strict base64 of exactly 63 bytes (a sealed
/// <c>ravi-e2e-verify</c>), or a public key without verifier, salt, or the reverse — is
/// <see cref="RaviCryptoErrorKind.CorruptedMetadata"/>.</item>
/// <item>Then the derived key is checked two independent ways: its public key equals <c>public_key</c>, and the
/// verifier authenticates under it (Poly1305) and holds exactly <c>ravi-e2e-verify</c>. Either positive check proves
/// the PIN right (the public key is a deterministic function of PIN and salt; a sealed box authenticates only under
/// its recipient's key).</item>
/// <item>Both positive: unlocked. Neither — the key does not match and the verifier does not open — is
/// <see cref="RaviCryptoErrorKind.WrongPin"/>: that is what a wrong PIN looks like, and metadata damaged in both
/// fields at once cannot be told apart from it. Exactly one positive (or a verifier that opens to other bytes) means the
/// PIN is right but the metadata is inconsistent: <see cref="RaviCryptoErrorKind.CorruptedMetadata"/>.</item>
/// </list>
/// </remarks>
internal static class EncryptionMetadataCheck
{
    /// <summary>Whether the metadata says that E2E encryption was set up (a public key or a verifier is present).</summary>
    public static bool IsSetUp(EncryptionMetadata? metadata) =>
        metadata is not null && (!string.IsNullOrEmpty(metadata.PublicKey) || !string.IsNullOrEmpty(metadata.Verifier));

    /// <summary>Validates the structure and decodes the parts.</summary>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.NotSetUp"/> or <see cref="RaviCryptoErrorKind.CorruptedMetadata"/>.</exception>
    public static Parsed Parse(EncryptionMetadata? metadata)
    {
        if (!IsSetUp(metadata))
        {
            throw new RaviCryptoException(RaviCryptoErrorKind.NotSetUp, "End-to-end encryption has not been set up for this account (no public key or verifier); call Encryption.SetupAsync first.");
        }

        var salt = StrictBase64.Decode(metadata!.Salt);
        if (salt is null || salt.Length != RaviKeyPair.SaltLength)
        {
            throw Corrupted("the salt is missing or is not 16 bytes of standard base64");
        }

        var publicKey = StrictBase64.Decode(metadata.PublicKey);
        if (publicKey is null || publicKey.Length != RaviKeyPair.KeyLength)
        {
            throw Corrupted("the public key is missing or is not 32 bytes of standard base64");
        }

        if (string.IsNullOrEmpty(metadata.Verifier) || metadata.Verifier.Length > E2eFieldFormat.MaxVerifierLength || StrictBase64.Decode(metadata.Verifier) is not { Length: E2eFieldFormat.VerifierBytes })
        {
            throw Corrupted("the verifier is missing or is not a sealed box of the expected size in standard base64");
        }

        return new Parsed(salt, publicKey, metadata.Verifier);
    }

    /// <summary>Checks a key derived from the PIN against the metadata.</summary>
    /// <exception cref="RaviCryptoException"><see cref="RaviCryptoErrorKind.WrongPin"/> or <see cref="RaviCryptoErrorKind.CorruptedMetadata"/>.</exception>
    public static void Verify(RaviKeyPair key, Parsed metadata)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(metadata);
        bool publicKeyMatches = key.HasPublicKey(metadata.PublicKey);
        var verifier = E2eFieldFormat.OpenVerifier(key, metadata.Verifier);

        if (publicKeyMatches && verifier == VerifierState.Valid)
        {
            return;
        }

        if (!publicKeyMatches && verifier == VerifierState.NotForThisKey)
        {
            throw new RaviCryptoException(RaviCryptoErrorKind.WrongPin, "Wrong PIN: the derived key does not match the account's public key and does not open the verifier.");
        }

        throw Corrupted(publicKeyMatches
            ? "the PIN matches the public key but the verifier does not hold the expected value"
            : "the PIN opens the verifier but the stored public key is different");
    }

    private static RaviCryptoException Corrupted(string what) =>
        new(RaviCryptoErrorKind.CorruptedMetadata, $"The account's encryption metadata is corrupted: {what}.");

    /// <summary>Decoded metadata.</summary>
    internal sealed record Parsed(byte[] Salt, byte[] PublicKey, string Verifier);
}

using System.Security.Cryptography;
using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Tests.Crypto;

[Collection(DerivedKeysGroup.Name)]
public sealed class KnownAnswerTests
{
    private readonly DerivedKeysFixture _keys;

    public KnownAnswerTests(DerivedKeysFixture keys) => _keys = keys;

    [Fact]
    public void Spec_known_answer_seed_public_and_secret_key()
    {
        Assert.Equal(CliVectors.KatSeedHex, Convert.ToHexStringLower(_keys.KatSeed));

        using var key = RaviKeyPair.FromSeed(_keys.KatSeed);
        Assert.Equal(CliVectors.KatPublicKeyHex, Convert.ToHexStringLower(key.PublicKey));

        // libsodium's secret key is SHA-512(seed)[0..32], unclamped; the exported (CLI) form is its clamp.
        Assert.Equal(CliVectors.KatSecretKeyHex, Convert.ToHexStringLower(SHA512.HashData(_keys.KatSeed).AsSpan(0, 32)));
        var exported = new byte[32];
        key.CopyPrivateKeyTo(exported);
        Assert.Equal(Clamp(CliVectors.Hex(CliVectors.KatSecretKeyHex)), exported);

        using var fromSecret = RaviKeyPair.FromPrivateKey(CliVectors.Hex(CliVectors.KatSecretKeyHex));
        Assert.Equal(CliVectors.KatPublicKeyHex, Convert.ToHexStringLower(fromSecret.PublicKey));
    }

    [Fact]
    public void Identity_A_from_pin_matches_cli_seed_public_key_and_both_private_key_forms()
    {
        var id = CliVectors.IdentityA;
        Assert.Equal(id.SeedHex, Convert.ToHexStringLower(_keys.IdentityASeed));
        using var derived = RaviKeyPair.FromSeed(_keys.IdentityASeed);
        AssertIdentity(id, derived, _keys.IdentityASeed);
    }

    [Fact]
    public void Identity_B_from_pin_matches_cli_seed_public_key_and_both_private_key_forms()
    {
        var id = CliVectors.IdentityB;
        var seed = CliVectors.Hex(id.SeedHex);
        Assert.Equal(id.PublicKey, _keys.IdentityB.PublicKey.ToArray());
        using var fromSeed = RaviKeyPair.FromSeed(seed);
        Assert.Equal(_keys.IdentityB.PublicKey.ToArray(), fromSeed.PublicKey.ToArray());
        AssertIdentity(id, _keys.IdentityB, seed);
    }

    [Fact]
    public void Sample_field_decrypts_with_the_pin_derived_key()
    {
        Assert.Equal(CliVectors.SamplePlaintext, _keys.IdentityB.DecryptField(CliVectors.SampleField));
    }

    [Fact]
    public void Sample_field_decrypts_with_the_cli_stored_key_and_the_libsodium_key()
    {
        using var cli = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyCli);
        using var sodium = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyLibsodium);
        Assert.Equal(CliVectors.SamplePlaintext, cli.DecryptField(CliVectors.SampleField));
        Assert.Equal(CliVectors.SamplePlaintext, sodium.DecryptField(CliVectors.SampleField));
    }

    [Fact]
    public void Sample_verifier_opens_with_every_form_of_identity_B_and_not_with_A()
    {
        using var cli = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyCli);
        using var sodium = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyLibsodium);
        using var other = RaviKeyPair.FromPrivateKey(CliVectors.IdentityA.PrivateKeyCli);
        Assert.True(_keys.IdentityB.VerifyVerifier(CliVectors.SampleVerifier));
        Assert.True(cli.VerifyVerifier(CliVectors.SampleVerifier));
        Assert.True(sodium.VerifyVerifier(CliVectors.SampleVerifier));
        Assert.False(other.VerifyVerifier(CliVectors.SampleVerifier));
    }

    [Fact]
    public void Sample_field_does_not_open_with_another_identity()
    {
        using var other = RaviKeyPair.FromPrivateKey(CliVectors.IdentityA.PrivateKeyLibsodium);
        var ex = Assert.Throws<RaviCryptoException>(() => other.DecryptField(CliVectors.SampleField));
        Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, ex.Kind);
    }

    [Fact]
    public void Our_verifier_and_fields_open_with_the_cli_stored_key()
    {
        using var cli = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyCli);
        var verifier = _keys.IdentityB.CreateVerifier();
        Assert.Equal(84, verifier.Length);
        Assert.DoesNotContain("e2e::", verifier, StringComparison.Ordinal);
        Assert.True(cli.VerifyVerifier(verifier));
        Assert.Equal("s3cret", cli.DecryptField(RaviKeyPair.EncryptField("s3cret", CliVectors.IdentityB.PublicKey)));
    }

    private static void AssertIdentity(CliIdentity id, RaviKeyPair derived, byte[] seed)
    {
        Assert.Equal(id.PublicKey, derived.PublicKey.ToArray());

        // The two stored forms: libsodium's unclamped SHA-512(seed)[0..32] and the CLI's clamped copy of it.
        Assert.Equal(id.PrivateKeyLibsodium, SHA512.HashData(seed).AsSpan(0, 32).ToArray());
        Assert.Equal(id.PrivateKeyCli, Clamp(id.PrivateKeyLibsodium));
        Assert.NotEqual(id.PrivateKeyCli, id.PrivateKeyLibsodium);

        using var cli = RaviKeyPair.FromPrivateKey(id.PrivateKeyCli);
        using var sodium = RaviKeyPair.FromPrivateKey(id.PrivateKeyLibsodium);
        Assert.Equal(id.PublicKey, cli.PublicKey.ToArray());
        Assert.Equal(id.PublicKey, sodium.PublicKey.ToArray());

        var exported = new byte[32];
        derived.CopyPrivateKeyTo(exported);
        Assert.Equal(id.PrivateKeyCli, exported);
        sodium.CopyPrivateKeyTo(exported);
        Assert.Equal(id.PrivateKeyCli, exported);
    }

    internal static byte[] Clamp(byte[] key)
    {
        var copy = (byte[])key.Clone();
        copy[0] &= 248;
        copy[31] &= 127;
        copy[31] |= 64;
        return copy;
    }
}

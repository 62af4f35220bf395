using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>
/// Argon2id at 64 MiB costs about a second: derive each CLI identity once (native libsodium) and share the results.
/// </summary>
public sealed class DerivedKeysFixture : IDisposable
{
    public DerivedKeysFixture()
    {
        KatSeed = new byte[32];
        RaviArgon2.DeriveSeed("123456"u8, CliVectors.KatSalt, KatSeed, RaviArgon2Implementation.Native);
        IdentityASeed = new byte[32];
        RaviArgon2.DeriveSeed("000000"u8, CliVectors.IdentityA.Salt, IdentityASeed, RaviArgon2Implementation.Native);
        IdentityB = RaviKeyPair.FromPin(CliVectors.IdentityB.Pin, CliVectors.IdentityB.Salt, RaviArgon2Implementation.Native);
    }

    /// <summary>Seed of the known answer in docs/encryption.md#known-answers (PIN 123456, zero salt).</summary>
    public byte[] KatSeed { get; }

    /// <summary>Seed of identity A (PIN 000000).</summary>
    public byte[] IdentityASeed { get; }

    /// <summary>Key pair of identity B (PIN 987654), derived from the PIN.</summary>
    public RaviKeyPair IdentityB { get; }

    public void Dispose() => IdentityB.Dispose();
}

[CollectionDefinition(Name)]
public sealed class DerivedKeysGroup : ICollectionFixture<DerivedKeysFixture>
{
    public const string Name = "Derived CLI keys";
}

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>
/// Known answers (docs/encryption.md#known-answers): PIN 123456 with a zero salt, and the official ravi CLI's vectors
/// (v0.5.2, cross-checked with libsodium), copied here so the tests do not depend on files outside the repo.
/// </summary>
internal static class CliVectors
{
    // The PIN 123456, zero-salt known answer.
    public const string KatPin = "123456";
    public const string KatSeedHex = "0b96de1459ef98f53394a55e5589fe75d1a18b422cc5de1ce217d0b29ddd39a0";
    public const string KatPublicKeyHex = "af57de06587002d4b87b7e94dc024b1502a3158cd6b1721390aa47d647df707a";
    public const string KatSecretKeyHex = "02da3381d6ef16371f4560f36516180ca9ec7b9057acc252578dc67f90f3f34a";

    public static readonly byte[] KatSalt = new byte[16];

    // "identity" in the vectors file.
    public static readonly CliIdentity IdentityA = new(
        Pin: "000000",
        SaltBase64: "AAECAwQFBgcICQoLDA0ODw==",
        SeedHex: "2d220569c37d1d719ca6d739ccdcca36d993bb3a5976b32f198e0a8bb0d0bc80",
        PublicKeyBase64: "qa2+4C19IyUrHHcnQBi4K0o3NtlOYPca7yReSLCBBH8=",
        PrivateKeyCliBase64: "uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE=",
        PrivateKeyLibsodiumBase64: "vPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfdE=");

    // "identity_for_fields": owns the sample field and verifier.
    public static readonly CliIdentity IdentityB = new(
        Pin: "987654",
        SaltBase64: "Ae59XbCbyj5JcDya3hoEyg==",
        SeedHex: "221303efb3ff4bef673918ee63a00d54147763cc1efdc9f78fe8c1f9b972e482",
        PublicKeyBase64: "G2LNICFAmrek37/0KJa2ech8lvacSXD0G7rfzmsBGAw=",
        PrivateKeyCliBase64: "6FtpkxIO7zQR+au/ClRP/vnng/JvgQGgRn1IklGYV0I=",
        PrivateKeyLibsodiumBase64: "7ltpkxIO7zQR+au/ClRP/vnng/JvgQGgRn1IklGYVwI=");

    public const string SampleField = "e2e::7x/qEXiWc3sHxOWV6Cz5NcCiE76+AKRGpZXMcxq5oxPIV0vX2XQUhHBe+0xUO6Cvr0yPmMtzqA==";
    public const string SamplePlaintext = "hunter2";
    public const string SampleVerifier = "BDpvSE7f4+eaCtXuNcFY9KS/LtxJjcIOKswgr+tZsjPThcRSXBgXnv6AlOCbo5bDox22yILJdkmlcGdQCAd7";

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    public static byte[] B64(string base64) => Convert.FromBase64String(base64);
}

internal sealed record CliIdentity(string Pin, string SaltBase64, string SeedHex, string PublicKeyBase64, string PrivateKeyCliBase64, string PrivateKeyLibsodiumBase64)
{
    public byte[] Salt => Convert.FromBase64String(SaltBase64);

    public byte[] PublicKey => Convert.FromBase64String(PublicKeyBase64);

    public byte[] PrivateKeyCli => Convert.FromBase64String(PrivateKeyCliBase64);

    public byte[] PrivateKeyLibsodium => Convert.FromBase64String(PrivateKeyLibsodiumBase64);
}

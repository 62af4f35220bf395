using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>Cheap key pairs (from fixed seeds, no Argon2) for tests that only need some key.</summary>
internal static class TestKeys
{
    public static RaviKeyPair FromSeedByte(byte value)
    {
        var seed = new byte[32];
        Array.Fill(seed, value);
        return RaviKeyPair.FromSeed(seed);
    }

    public static RaviKeyPair Random(Random random)
    {
        var seed = new byte[32];
        random.NextBytes(seed);
        return RaviKeyPair.FromSeed(seed);
    }

    /// <summary>The decoded sealed-box bytes of an <c>e2e::</c> field.</summary>
    public static byte[] Payload(string field)
    {
        Assert.StartsWith("e2e::", field, StringComparison.Ordinal);
        return Convert.FromBase64String(field[5..]);
    }

    public static string Field(byte[] payload) => "e2e::" + Convert.ToBase64String(payload);
}

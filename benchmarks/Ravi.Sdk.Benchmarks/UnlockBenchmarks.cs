using BenchmarkDotNet.Attributes;
using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Benchmarks;

/// <summary>
/// Unlocking = deriving the key pair from the 6-digit PIN: Argon2id v1.3 (t = 3, m = 64 MiB, p = 1) then
/// <c>crypto_box_seed_keypair</c>. Native libsodium (through NSec) versus the managed Konscious implementation (the
/// baseline). Both produce the same key. Target (docs/performance.md#targets): native ≤ 0.6× of managed.
/// </summary>
[MemoryDiagnoser]
public class UnlockBenchmarks
{
    private const string Pin = "123456";
    private readonly byte[] _salt = new byte[RaviKeyPair.SaltLength];

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _salt.Length; i++)
        {
            _salt[i] = (byte)(i * 7);
        }

        // Both implementations must agree, or the comparison means nothing.
        using var native = RaviKeyPair.FromPin(Pin, _salt, RaviArgon2Implementation.Native);
        using var managed = RaviKeyPair.FromPin(Pin, _salt, RaviArgon2Implementation.Managed);
        if (!native.HasPublicKey(managed.PublicKey))
        {
            throw new InvalidOperationException("Native and managed Argon2id derived different keys.");
        }
    }

    [Benchmark(Baseline = true)]
    public int ManagedKonscious()
    {
        using var key = RaviKeyPair.FromPin(Pin, _salt, RaviArgon2Implementation.Managed);
        return key.PublicKey[0];
    }

    [Benchmark]
    public int NativeLibsodium()
    {
        using var key = RaviKeyPair.FromPin(Pin, _salt, RaviArgon2Implementation.Native);
        return key.PublicKey[0];
    }
}

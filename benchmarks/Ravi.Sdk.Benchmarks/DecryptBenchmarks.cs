using System.Text;
using BenchmarkDotNet.Attributes;
using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Benchmarks;

/// <summary>
/// Decrypting 1,000 <c>e2e::</c> fields (sealed boxes of 8–64-byte secrets) after unlock: <see cref="RaviKeyPair.DecryptField"/>
/// (strict base64, length checks, key lifetime guard, strict UTF-8, wiping) versus a raw loop over the same strings
/// (<see cref="Convert.TryFromBase64Chars"/>, <c>crypto_box_seal_open</c> through the same P/Invoke, UTF-8 decode), the
/// baseline. Target (docs/performance.md#targets): ≤ 1.1×.
/// </summary>
[MemoryDiagnoser]
public class DecryptBenchmarks
{
    private const int FieldCount = 1_000;

    private readonly byte[] _publicKey = new byte[RaviKeyPair.KeyLength];
    private readonly byte[] _secretKey = new byte[RaviKeyPair.KeyLength];
    private string[] _fields = [];
    private RaviKeyPair _keyPair = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seed = new byte[RaviKeyPair.KeyLength];
        new Random(42).NextBytes(seed);
        _keyPair = RaviKeyPair.FromSeed(seed);
        Sodium.SeedKeyPair(_publicKey, _secretKey, seed);

        var random = new Random(7);
        _fields = new string[FieldCount];
        for (var i = 0; i < FieldCount; i++)
        {
            var length = 8 + random.Next(57);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = (char)('!' + random.Next(94));
            }

            _fields[i] = RaviKeyPair.EncryptField(new string(chars), _publicKey);
        }

        if (RawLoop() != RaviDecryptField())
        {
            throw new InvalidOperationException("The two loops decrypted different plaintexts.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _keyPair.Dispose();

    [Benchmark(Baseline = true)]
    public int RawLoop()
    {
        Span<byte> decoded = stackalloc byte[256];
        Span<byte> plain = stackalloc byte[256];
        var total = 0;
        foreach (var field in _fields)
        {
            var payload = field.AsSpan(RaviKeyPair.FieldPrefix.Length);
            if (!Convert.TryFromBase64Chars(payload, decoded, out var written))
            {
                throw new InvalidOperationException("bad base64");
            }

            var message = plain[..(written - Sodium.SealBytes)];
            if (!Sodium.TryOpen(message, decoded[..written], _publicKey, _secretKey))
            {
                throw new InvalidOperationException("bad box");
            }

            total += Encoding.UTF8.GetString(message).Length;
        }

        return total;
    }

    [Benchmark]
    public int RaviDecryptField()
    {
        var total = 0;
        foreach (var field in _fields)
        {
            total += _keyPair.DecryptField(field).Length;
        }

        return total;
    }
}

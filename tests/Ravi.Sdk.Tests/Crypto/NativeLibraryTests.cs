using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Tests.Crypto;

public sealed class NativeLibraryTests
{
    [Fact]
    public void Libsodium_loads_and_initialises()
    {
        Assert.True(Sodium.IsAvailable);
        Sodium.EnsureAvailable();
    }

    [Fact]
    public void Our_imports_and_NSec_share_the_one_libsodium_shipped_with_the_package()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/self/maps is Linux-only
        }

        // Use both: NSec (Argon2id) and our own P/Invoke (sealed box).
        var output = new byte[16];
        RaviArgon2.Derive("pw"u8, new byte[16], 1, 8, output, RaviArgon2Implementation.Native);
        using var key = TestKeys.FromSeedByte(9);
        Assert.Equal("x", key.DecryptField(key.EncryptField("x")));

        var mapped = File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 6 && Path.GetFileName(parts[5]).StartsWith("libsodium", StringComparison.Ordinal))
            .Select(parts => parts[5])
            .Distinct()
            .ToList();

        var only = Assert.Single(mapped);
        if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier.StartsWith("linux-x64", StringComparison.Ordinal))
        {
            var expected = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libsodium.so");
            Assert.Equal(Path.GetFullPath(expected), only);
        }
    }
}

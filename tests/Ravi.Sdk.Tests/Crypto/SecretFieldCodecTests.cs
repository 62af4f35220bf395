using Ravi.Sdk.Crypto;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Tests.Crypto;

public sealed class SecretFieldCodecTests
{
    [Fact]
    public void Null_and_empty_pass_through_even_when_locked()
    {
        using var codec = new SecretFieldCodec();
        var flags = EncryptedFields.None;
        Assert.Null(codec.Protect(null, "password"));
        Assert.Equal("", codec.Protect("", "password"));
        Assert.Null(codec.Unprotect(null, EncryptedFields.Password, ref flags));
        Assert.Equal("", codec.Unprotect("", EncryptedFields.Password, ref flags));
        Assert.Equal("plain", codec.Unprotect("plain", EncryptedFields.Password, ref flags));
        Assert.Equal(EncryptedFields.None, flags);
    }

    [Fact]
    public async Task Swapping_keys_while_other_threads_decrypt_never_reports_a_field_as_locked()
    {
        using var codec = new SecretFieldCodec();
        codec.Unlock(RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyCli));
        using var stop = new CancellationTokenSource();
        int totalReads = 0;

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            int reads = 0;
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref totalReads);
                var flags = EncryptedFields.None;
                Assert.Equal("hunter2", codec.Unprotect(CliVectors.SampleField, EncryptedFields.Password, ref flags));
                Assert.Equal(EncryptedFields.None, flags);
                Assert.StartsWith("e2e::", codec.Protect("x", "password"), StringComparison.Ordinal);
                reads++;
            }

            return reads;
        })).ToArray();

        // Keep swapping until the readers have overlapped with plenty of swaps (bounded in time).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (int i = 0; (i < 200 || Volatile.Read(ref totalReads) < 300) && DateTime.UtcNow < deadline; i++)
        {
            codec.Unlock(RaviKeyPair.FromPrivateKey(i % 2 == 0 ? CliVectors.IdentityB.PrivateKeyLibsodium : CliVectors.IdentityB.PrivateKeyCli));
            await Task.Yield();
        }

        stop.Cancel();
        var counts = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(counts.Sum() >= 300, $"only {counts.Sum()} reads overlapped the swaps");
    }

    [Fact]
    public void Lock_wipes_the_installed_key()
    {
        using var codec = new SecretFieldCodec();
        var key = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyCli);
        codec.Unlock(key);
        Assert.True(codec.IsUnlocked);
        codec.Lock();
        Assert.False(codec.IsUnlocked);
        Assert.True(key.IsDisposed);
    }
}

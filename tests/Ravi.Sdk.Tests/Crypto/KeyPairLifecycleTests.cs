using System.Reflection;
using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Tests.Crypto;

public sealed class KeyPairLifecycleTests
{
    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData(" 12345")]
    [InlineData("123 45")]
    [InlineData("١٢٣٤٥٦")] // Arabic-Indic digits: char.IsDigit, but not ASCII
    [InlineData("１２３４５６")] // full-width digits
    public void Pin_must_be_exactly_six_ascii_digits(string pin)
    {
        var salt = new byte[16];
        Assert.Throws<ArgumentException>(() => RaviKeyPair.FromPin(pin, salt));
        Assert.Throws<ArgumentException>(() => RaviKeyPair.FromPin(pin, salt, RaviArgon2Implementation.Managed));
        // Thrown synchronously, before any work is scheduled.
        Assert.Throws<ArgumentException>(() => { _ = RaviKeyPair.FromPinAsync(pin, salt); });
    }

    [Fact]
    public void Null_pin_throws_argument_null()
    {
        Assert.Throws<ArgumentNullException>(() => RaviKeyPair.FromPin(null!, new byte[16]));
    }

    [Fact]
    public void FromPinAsync_with_a_cancelled_token_does_not_start()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => { _ = RaviKeyPair.FromPinAsync("123456", new byte[16], RaviArgon2Implementation.Native, cts.Token); });
    }

    [Fact]
    public async Task FromPinAsync_returns_control_when_cancelled_during_derivation()
    {
        using var cts = new CancellationTokenSource();
        var task = RaviKeyPair.FromPinAsync("123456", new byte[16], RaviArgon2Implementation.Native, cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public async Task FromPinAsync_gives_the_known_answer()
    {
        using var key = await RaviKeyPair.FromPinAsync("123456", new byte[16], RaviArgon2Implementation.Native);
        Assert.Equal(CliVectors.KatPublicKeyHex, Convert.ToHexStringLower(key.PublicKey));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Private_key_must_be_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => RaviKeyPair.FromPrivateKey(new byte[length]));
        Assert.Throws<ArgumentException>(() => RaviKeyPair.FromSeed(new byte[length]));
    }

    [Fact]
    public void Clamped_and_unclamped_private_key_are_the_same_key()
    {
        var unclamped = CliVectors.IdentityA.PrivateKeyLibsodium;
        var clamped = KnownAnswerTests.Clamp(unclamped);
        using var a = RaviKeyPair.FromPrivateKey(unclamped);
        using var b = RaviKeyPair.FromPrivateKey(clamped);
        Assert.Equal(a.PublicKey.ToArray(), b.PublicKey.ToArray());
        Assert.Equal("x", b.DecryptField(a.EncryptField("x")));
        Assert.Equal("y", a.DecryptField(b.EncryptField("y")));
    }

    [Fact]
    public void FromPrivateKey_copies_its_input()
    {
        var raw = CliVectors.IdentityB.PrivateKeyCli;
        using var key = RaviKeyPair.FromPrivateKey(raw);
        Array.Clear(raw);
        Assert.Equal(CliVectors.SamplePlaintext, key.DecryptField(CliVectors.SampleField));
    }

    [Fact]
    public void Private_key_is_pinned_and_zeroed_on_dispose()
    {
        var key = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyCli);
        var holder = typeof(RaviKeyPair).GetField("_secret", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(key)!;
        var secret = (byte[])typeof(PinnedSecretKey).GetField("_key", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(holder)!;
        Assert.True(IsPinned(secret));
        Assert.Contains(secret, b => b != 0);

        key.Dispose();

        Assert.All(secret, b => Assert.Equal(0, b));
        Assert.True(key.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => key.DecryptField(CliVectors.SampleField));
        Assert.Throws<ObjectDisposedException>(() => key.CopyPrivateKeyTo(new byte[32]));
        Assert.Equal(CliVectors.IdentityB.PublicKey, key.PublicKey.ToArray()); // not secret, still readable
        Assert.Equal("plain", key.DecryptField("plain")); // no key needed for pass-through
        key.Dispose(); // idempotent
    }

    [Fact]
    public void ToString_shows_only_a_public_key_fingerprint()
    {
        using var key = RaviKeyPair.FromPrivateKey(CliVectors.IdentityB.PrivateKeyCli);
        var text = key.ToString();
        Assert.Contains("RaviKeyPair", text, StringComparison.Ordinal);
        Assert.Matches("PublicKeyFingerprint = [0-9a-f]{16}", text);
        foreach (var secretForm in new[] { CliVectors.IdentityB.PrivateKeyCli, CliVectors.IdentityB.PrivateKeyLibsodium })
        {
            Assert.DoesNotContain(Convert.ToBase64String(secretForm), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(secretForm)[..8], text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(CliVectors.IdentityB.PublicKeyBase64, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_while_other_threads_decrypt_never_yields_garbage_or_a_false_tamper_error()
    {
        // Probabilistic by nature: many rounds, each disposing at a random moment while dedicated threads decrypt in a loop.
        var random = new Random(7);
        for (int round = 0; round < 60; round++)
        {
            var key = TestKeys.FromSeedByte((byte)round);
            var field = key.EncryptField("payload");
            using var started = new CountdownEvent(2);
            Exception? failure = null;
            var workers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
            {
                started.Signal();
                while (true)
                {
                    try
                    {
                        if (key.DecryptField(field) != "payload")
                        {
                            throw new InvalidOperationException("garbage");
                        }
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        Interlocked.CompareExchange(ref failure, ex, null);
                        return;
                    }
                }
            }) { IsBackground = true }).ToArray();

            foreach (var worker in workers)
            {
                worker.Start();
            }

            started.Wait();
            Thread.SpinWait(random.Next(1, 20_000));
            key.Dispose();
            foreach (var worker in workers)
            {
                Assert.True(worker.Join(TimeSpan.FromSeconds(30)));
            }

            Assert.Null(failure);
        }
    }

    private static bool IsPinned(byte[] array)
    {
        // A pinned-heap array never moves; a fresh ordinary array is moved (promoted) by a compacting GC.
        var before = System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return before == System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
    }
}

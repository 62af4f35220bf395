using System.Text;
using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Tests.Crypto;

public sealed class FieldRoundTripTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("hunter2")]
    [InlineData("correct horse battery staple")]
    [InlineData("pässwörd ✓ 日本語 🎉 Ωμέγα")]
    [InlineData("a\0b\0c")]
    [InlineData("\0")]
    [InlineData("e2e::looks-like-a-field")]
    [InlineData(" leading and trailing spaces ")]
    public void Round_trips(string plaintext)
    {
        using var key = TestKeys.FromSeedByte(1);
        var field = RaviKeyPair.EncryptField(plaintext, key.PublicKey);

        Assert.StartsWith("e2e::", field, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(plaintext) + 48, TestKeys.Payload(field).Length);
        Assert.Equal(plaintext, key.DecryptField(field));
        Assert.Equal(plaintext, key.DecryptField(key.EncryptField(plaintext)));
    }

    [Fact]
    public void One_megabyte_round_trips()
    {
        var random = new Random(1234);
        var chars = new char[1024 * 1024];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        var plaintext = new string(chars);
        using var key = TestKeys.FromSeedByte(2);
        var field = key.EncryptField(plaintext);
        Assert.Equal(1024 * 1024 + 48, TestKeys.Payload(field).Length);
        Assert.Equal(plaintext, key.DecryptField(field));
    }

    [Fact]
    public void Empty_plaintext_encrypts_to_empty_and_empty_decrypts_to_empty()
    {
        using var key = TestKeys.FromSeedByte(3);
        Assert.Equal("", RaviKeyPair.EncryptField("", key.PublicKey));
        Assert.Equal("", key.DecryptField(""));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("E2E::AAAA")]
    [InlineData("e2E::AAAA")]
    [InlineData(" e2e::AAAA")]
    [InlineData("e2e:AAAA")]
    [InlineData("xe2e::AAAA")]
    public void Values_without_the_exact_prefix_at_position_zero_pass_through(string value)
    {
        using var key = TestKeys.FromSeedByte(4);
        Assert.Same(value, key.DecryptField(value));
    }

    [Fact]
    public void Every_encryption_is_different_but_opens_to_the_same_text()
    {
        using var key = TestKeys.FromSeedByte(5);
        var a = key.EncryptField("same");
        var b = key.EncryptField("same");
        Assert.NotEqual(a, b);
        Assert.Equal("same", key.DecryptField(a));
        Assert.Equal("same", key.DecryptField(b));
    }

    [Fact]
    public void Field_is_standard_padded_base64_of_ephemeral_key_tag_and_ciphertext()
    {
        using var key = TestKeys.FromSeedByte(6);
        var field = key.EncryptField("hunter2"); // 7 + 48 = 55 bytes → 76 chars with "=" padding
        Assert.Equal(5 + 76, field.Length);
        Assert.EndsWith("=", field, StringComparison.Ordinal);
        Assert.DoesNotContain('-', field);
        Assert.DoesNotContain('_', field);
    }

    [Fact]
    public void Lone_surrogate_is_rejected_instead_of_silently_replaced()
    {
        using var key = TestKeys.FromSeedByte(7);
        Assert.Throws<ArgumentException>(() => key.EncryptField("bad \uD800 surrogate"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Public_key_must_be_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => RaviKeyPair.EncryptField("x", new byte[length]));
    }

    [Fact]
    public void Null_arguments_throw()
    {
        using var key = TestKeys.FromSeedByte(8);
        Assert.Throws<ArgumentNullException>(() => key.DecryptField(null!));
        Assert.Throws<ArgumentNullException>(() => key.EncryptField(null!));
    }

    [Fact]
    public void Property_random_plaintexts_and_keys_round_trip_and_never_open_under_another_key()
    {
        var random = new Random(20240501);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            using var key = TestKeys.Random(random);
            using var other = TestKeys.Random(random);
            var plaintext = RandomText(random, random.Next(0, 300));

            var field = RaviKeyPair.EncryptField(plaintext, key.PublicKey);
            Assert.Equal(plaintext, key.DecryptField(field));
            if (plaintext.Length == 0)
            {
                Assert.Equal("", field);
                continue;
            }

            var ex = Assert.Throws<RaviCryptoException>(() => other.DecryptField(field));
            Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, ex.Kind);

            // Interop check against libsodium directly: the raw box opens with the raw key.
            var payload = TestKeys.Payload(field);
            var raw = new byte[payload.Length - 48];
            Assert.True(key.TryOpen(raw, payload));
            Assert.Equal(plaintext, Encoding.UTF8.GetString(raw));
        }
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            switch (random.Next(5))
            {
                case 0: builder.Append((char)random.Next(0, 0x80)); break;             // ASCII incl. NUL and controls
                case 1: builder.Append((char)random.Next(0x80, 0x800)); break;         // 2-byte UTF-8
                case 2: builder.Append((char)random.Next(0x800, 0xD800)); break;       // 3-byte UTF-8
                case 3: builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF))); break; // surrogate pair
                default: builder.Append((char)random.Next(0xE000, 0xFFFE)); break;
            }
        }

        return builder.ToString();
    }
}

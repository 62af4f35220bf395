using System.Security.Cryptography;
using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Tests.Crypto;

/// <summary>Every malformed or modified field must fail with InvalidCiphertext: never garbage, never a raw CryptographicException.</summary>
public sealed class TamperTests : IDisposable
{
    private readonly RaviKeyPair _key = TestKeys.FromSeedByte(42);
    private readonly string _field;
    private readonly byte[] _payload;

    public TamperTests()
    {
        _field = _key.EncryptField("hunter2"); // 55 bytes: 32 ephemeral pk, 16 tag, 7 ciphertext
        _payload = TestKeys.Payload(_field);
    }

    public void Dispose() => _key.Dispose();

    [Theory]
    [InlineData(0, 32)]   // ephemeral public key
    [InlineData(32, 48)]  // Poly1305 tag
    [InlineData(48, 55)]  // ciphertext
    public void Any_bit_flip_in_any_region_is_rejected(int start, int end)
    {
        Assert.Equal("hunter2", _key.DecryptField(_field));
        for (int i = start; i < end; i++)
        {
            foreach (var bit in new[] { 0x01, 0x10, 0x80 })
            {
                var tampered = (byte[])_payload.Clone();
                tampered[i] ^= (byte)bit;
                AssertInvalid(TestKeys.Field(tampered));
            }
        }
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        for (int length = 1; length < _payload.Length; length++)
        {
            AssertInvalid(TestKeys.Field(_payload[..length]));
        }

        AssertInvalid("e2e::");
    }

    [Fact]
    public void Appended_bytes_are_rejected()
    {
        AssertInvalid(TestKeys.Field([.. _payload, 0]));
        AssertInvalid(TestKeys.Field([.. _payload, .. _payload]));
    }

    [Fact]
    public void Payload_shorter_than_a_sealed_box_is_rejected_even_if_valid_base64()
    {
        AssertInvalid(TestKeys.Field(new byte[47]));
        AssertInvalid(TestKeys.Field(new byte[1]));
        AssertInvalid("e2e::AAAA");
    }

    [Fact]
    public void Well_formed_box_of_48_bytes_not_sealed_for_us_is_rejected()
    {
        AssertInvalid(TestKeys.Field(new byte[48]));
        AssertInvalid(TestKeys.Field(RandomNumberGenerator.GetBytes(48)));
    }

    [Fact]
    public void Whitespace_anywhere_in_the_base64_is_rejected()
    {
        var payload = _field[5..];
        // Four-character runs keep the length a multiple of 4, so only the whitespace rule can reject them.
        foreach (var ws in new[] { " ", "\n", "\r\n", "\t", "    ", "\r\n\r\n", "\t\t\t\t", " \n\t\r" })
        {
            AssertInvalid("e2e::" + ws + payload);
            AssertInvalid("e2e::" + payload + ws);
            AssertInvalid("e2e::" + payload[..4] + ws + payload[4..]);
            AssertInvalid("e2e::" + payload[..10] + ws + payload[10..]);
        }
    }

    [Fact]
    public void Missing_or_extra_padding_is_rejected()
    {
        Assert.EndsWith("==", _field, StringComparison.Ordinal);
        AssertInvalid(_field.TrimEnd('='));
        AssertInvalid(_field[..^1]);
        AssertInvalid(_field + "=");
        AssertInvalid(_field + "====");
    }

    [Fact]
    public void Non_canonical_trailing_bits_are_rejected()
    {
        // "xx==" encodes one byte: the low 4 bits of the second symbol must be zero.
        var payload = _field[5..^2];
        var last = payload[^1];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var altered = alphabet[alphabet.IndexOf(last, StringComparison.Ordinal) | 1];
        Assert.NotEqual(last, altered);
        AssertInvalid("e2e::" + payload[..^1] + altered + "==");
    }

    [Fact]
    public void Url_safe_alphabet_and_foreign_characters_are_rejected()
    {
        using var key = TestKeys.FromSeedByte(43);
        string field;
        do
        {
            field = key.EncryptField("needs + or /");
        }
        while (!field[5..].Contains('+', StringComparison.Ordinal) && !field[5..].Contains('/', StringComparison.Ordinal));

        var urlSafe = "e2e::" + field[5..].Replace('+', '-').Replace('/', '_');
        var ex = Assert.Throws<RaviCryptoException>(() => key.DecryptField(urlSafe));
        Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, ex.Kind);
        AssertInvalid("e2e::" + _field[5..^4] + "ä===");
        AssertInvalid("e2e::" + _field[5..^4] + "*AA=");
    }

    [Fact]
    public void Wrong_prefix_case_is_not_decrypted_but_passed_through_unchanged()
    {
        var upper = "E2E::" + _field[5..];
        Assert.Same(upper, _key.DecryptField(upper));
    }

    [Fact]
    public void Ciphertext_for_another_key_is_rejected()
    {
        using var other = TestKeys.FromSeedByte(44);
        AssertInvalid(other.EncryptField("hunter2"));
    }

    [Fact]
    public void Valid_box_holding_invalid_utf8_is_rejected()
    {
        var sealedBytes = new byte[2 + 48];
        Sodium.Seal(sealedBytes, [0xC3, 0x28], _key.PublicKey);
        AssertInvalid(TestKeys.Field(sealedBytes));
    }

    private void AssertInvalid(string field)
    {
        var ex = Record.Exception(() => _key.DecryptField(field));
        var crypto = Assert.IsType<RaviCryptoException>(ex);
        Assert.Equal(RaviCryptoErrorKind.InvalidCiphertext, crypto.Kind);
        Assert.DoesNotContain("hunter2", crypto.Message, StringComparison.Ordinal);
    }
}

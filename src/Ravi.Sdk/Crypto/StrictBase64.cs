namespace Ravi.Sdk.Crypto;

/// <summary>
/// Standard base64 (RFC 4648 §4) decoded strictly: standard alphabet only, padding required, no whitespace, and the
/// canonical encoding only (unused bits of the last symbol must be zero), so one byte string has exactly one accepted
/// text form. <see cref="Convert"/> alone is lenient about whitespace and non-canonical trailing bits.
/// </summary>
internal static class StrictBase64
{
    /// <summary>The decoded length of a valid text of this length (an upper bound before padding is looked at).</summary>
    public static int MaxDecodedLength(int textLength) => textLength / 4 * 3;

    /// <summary>
    /// Decodes <paramref name="text"/> into <paramref name="destination"/> (at least <see cref="MaxDecodedLength"/> bytes).
    /// Returns false for anything that is not canonical standard padded base64, or empty text.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.IsEmpty || (text.Length & 3) != 0)
        {
            return false;
        }

        int padding = text[^1] == '=' ? (text[^2] == '=' ? 2 : 1) : 0;
        int dataLength = text.Length - padding;
        for (int i = 0; i < dataLength; i++)
        {
            if (Value(text[i]) < 0)
            {
                return false;
            }
        }

        // Canonical form: the bits that padding leaves unused must be zero.
        if ((padding == 2 && (Value(text[dataLength - 1]) & 0x0F) != 0) ||
            (padding == 1 && (Value(text[dataLength - 1]) & 0x03) != 0))
        {
            return false;
        }

        return Convert.TryFromBase64Chars(text, destination, out written);
    }

    /// <summary>Decodes into a new array, or returns null when the text is not strict base64.</summary>
    public static byte[]? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var buffer = new byte[MaxDecodedLength(text.Length)];
        if (!TryDecode(text, buffer, out int written))
        {
            return null;
        }

        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' => 62,
        '/' => 63,
        _ => -1,
    };
}

namespace Ravi.Sdk.Totp;

/// <summary>RFC 4648 base32, as authenticator secrets are written: case-insensitive, spaces and hyphens ignored, padding optional.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Decodes <paramref name="text"/>, or returns null when it is not base32.</summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        var padding = false;
        foreach (var c in text)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            if (c == '=')
            {
                padding = true;
                continue;
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0 || padding)
            {
                return null; // a foreign character, or data after padding
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return output.ToArray();
    }

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[index++] = Alphabet[(buffer >> bits) & 31];
            }

            buffer &= (1 << bits) - 1;
        }

        if (bits > 0)
        {
            chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars, 0, index);
    }
}

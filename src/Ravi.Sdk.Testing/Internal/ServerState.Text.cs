using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Text helpers shared by the endpoints: previews, HTML to text, timestamps, signatures.</summary>
internal sealed partial class ServerState
{
    private const int PreviewLength = 100;

    public static string Preview(string text)
    {
        var collapsed = WhitespaceRun().Replace(text, " ").Trim();
        return collapsed.Length <= PreviewLength ? collapsed : string.Concat(collapsed.AsSpan(0, PreviewLength).TrimEnd(), "...");
    }

    public static string HtmlToText(string html) => WebUtility.HtmlDecode(HtmlTag().Replace(html, " ")).Trim();

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string HexSignature(byte[] key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}

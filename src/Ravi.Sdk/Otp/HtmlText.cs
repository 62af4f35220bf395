using System.Net;
using System.Text.RegularExpressions;

namespace Ravi.Sdk.Otp;

/// <summary>Turns an HTML email body into readable plain text (for code extraction and filters).</summary>
internal static partial class HtmlText
{
    /// <summary>Strips scripts, styles and tags, turns block ends into line breaks and decodes entities.</summary>
    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = InvisibleBlocks().Replace(html, " ");
        text = Comments().Replace(text, " ");
        text = BlockBreaks().Replace(text, "\n");
        text = Tags().Replace(text, " ");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        text = HorizontalSpace().Replace(text, " ");
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    /// <summary>Decodes entities in an attribute value or text (e.g. <c>&amp;amp;</c> in an href).</summary>
    public static string Decode(string value) => WebUtility.HtmlDecode(value).Trim();

    [GeneratedRegex(@"<(script|style|head|title)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InvisibleBlocks();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|tr|li|h[1-6]|table|section|blockquote)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBreaks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\f\v]+")]
    private static partial Regex HorizontalSpace();

    [GeneratedRegex(@"\s*\n\s*\n\s*")]
    private static partial Regex BlankLines();
}

using System.Text.RegularExpressions;

namespace Ravi.Sdk.Otp;

/// <summary>
/// Finds the verification (confirm / activate / magic-login) link in an email: anchors in the HTML body (href entities
/// decoded) and bare URLs in the text body, scored by the words in the URL, the anchor text and the text just before a
/// bare URL; unsubscribe, privacy, social and image links score negative.
/// </summary>
internal static partial class VerificationLinkExtractor
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Returns the best link (and its anchor text), or null when none looks like a verification link.</summary>
    /// <param name="html">The HTML body, if any.</param>
    /// <param name="text">The plain-text body, if any.</param>
    /// <param name="filter">When set, only links it accepts are considered, and the best of those is returned even without keywords.</param>
    public static (Uri Url, string? Text)? Extract(string? html, string? text, Func<Uri, bool>? filter = null)
    {
        var links = FindLinks(html, text);
        (Uri Url, string? Text)? best = null;
        var bestScore = int.MinValue;
        foreach (var link in links)
        {
            if (filter is not null && !filter(link.Url))
            {
                continue;
            }

            if (link.Score > bestScore)
            {
                best = (link.Url, link.Text);
                bestScore = link.Score;
            }
        }

        return best is not null && (bestScore > 0 || filter is not null) ? best : null;
    }

    /// <summary>All http(s) links in the email with their scores, in document order, without duplicates.</summary>
    internal static List<(Uri Url, string? Text, int Score)> FindLinks(string? html, string? text)
    {
        var result = new List<(Uri Url, string? Text, int Score)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(html))
        {
            foreach (Match m in Anchor().Matches(html))
            {
                var href = m.Groups["dq"].Success ? m.Groups["dq"].Value : m.Groups["sq"].Success ? m.Groups["sq"].Value : m.Groups["bare"].Value;
                if (TryCreate(HtmlText.Decode(href), out var uri) && seen.Add(uri.AbsoluteUri))
                {
                    var anchorText = HtmlText.ToText(m.Groups["text"].Value);
                    var context = HtmlText.ToText(html[Math.Max(0, m.Index - 200)..m.Index]);
                    result.Add((uri, anchorText.Length == 0 ? null : anchorText, Score(uri, anchorText, Tail(context))));
                }
            }

            AddBareUrls(HtmlText.ToText(html), result, seen);
        }

        if (!string.IsNullOrEmpty(text))
        {
            AddBareUrls(text, result, seen);
        }

        return result;
    }

    private static void AddBareUrls(string text, List<(Uri Url, string? Text, int Score)> result, HashSet<string> seen)
    {
        foreach (Match m in BareUrl().Matches(text))
        {
            var value = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '>');
            if (TryCreate(value, out var uri) && seen.Add(uri.AbsoluteUri))
            {
                var context = text[Math.Max(0, m.Index - 100)..m.Index];
                result.Add((uri, null, Score(uri, null, context)));
            }
        }
    }

    private static string Tail(string context) => context.Length <= 100 ? context : context[^100..];

    private static int Score(Uri uri, string? anchorText, string? context)
    {
        var score = 0;
        var url = uri.GetComponents(UriComponents.Host | UriComponents.PathAndQuery, UriFormat.Unescaped);
        if (Negative().IsMatch(url) || (anchorText is not null && Negative().IsMatch(anchorText)))
        {
            score -= 20;
        }

        if (Image().IsMatch(uri.AbsolutePath))
        {
            score -= 20;
        }

        if (Positive().IsMatch(url))
        {
            score += 8;
        }

        if (anchorText is not null && Positive().IsMatch(anchorText))
        {
            score += 10;
        }

        if (context is not null && Positive().IsMatch(context))
        {
            score += 4;
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            score += 1; // verification links usually carry a token
        }

        return score;
    }

    private static bool TryCreate(string value, out Uri uri)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>]+))[^>]*>(?<text>.*?)</a\s*>", Options | RegexOptions.Singleline)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"https?://[^\s<>""']+", Options)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"verif|confirm|activat|magic|token|log[-_ ]?in|sign[-_ ]?in|signin|auth|validat|one[-_ ]?time|otp|reset|click here to (?:verify|confirm|activate|log in|sign in)|complete (?:your )?(?:registration|sign[- ]?up)", Options)]
    private static partial Regex Positive();

    [GeneratedRegex(@"unsubscribe|opt[-_ ]?out|preferences|privacy|terms|legal|help|support|faq|facebook|twitter|(?<![\w.])x\.com|linkedin|instagram|youtube|tiktok|view (?:it )?in (?:your )?browser|webview|mailto:|/track/open|pixel", Options)]
    private static partial Regex Negative();

    [GeneratedRegex(@"\.(?:png|jpe?g|gif|svg|webp|ico)$", Options)]
    private static partial Regex Image();
}

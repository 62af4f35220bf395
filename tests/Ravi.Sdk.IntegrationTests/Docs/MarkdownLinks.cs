using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ravi.Sdk.IntegrationTests.Docs;

/// <summary>
/// Links and headings of a Markdown file, read the way GitHub renders them. Link targets are found by the rules of
/// <c>.ci/relative-links.awk</c> (outside fenced code and code spans: inline links, reference definitions, <c>src</c> and
/// <c>href</c> attributes); heading anchors are GitHub's slugs (lower case, punctuation dropped, spaces to hyphens,
/// <c>-1</c>, <c>-2</c>… for repeats) plus explicit <c>&lt;a id&gt;</c>/<c>&lt;a name&gt;</c> anchors.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>Every link target of <paramref name="markdown"/>, in order.</summary>
    public static IEnumerable<string> Targets(string markdown)
    {
        foreach (var line in ProseLines(markdown))
        {
            var text = CodeSpan().Replace(line, "");
            if (ReferenceDefinition().Match(text) is { Success: true } definition)
            {
                yield return Unbracket(definition.Groups["target"].Value);
            }

            foreach (Match inline in InlineLink().Matches(text))
            {
                yield return Unbracket(inline.Groups["target"].Value);
            }

            foreach (Match attribute in HtmlLink().Matches(text))
            {
                yield return attribute.Groups["target"].Value;
            }
        }
    }

    /// <summary>Whether <paramref name="target"/> is relative (no scheme, not a fragment only, not protocol-relative).</summary>
    public static bool IsRelative(string target) => !AbsoluteOrFragment().IsMatch(target);

    /// <summary>The anchors a link <c>file.md#anchor</c> may name in <paramref name="markdown"/>.</summary>
    public static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in ProseLines(markdown))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            }

            foreach (Match explicitAnchor in ExplicitAnchor().Matches(line))
            {
                anchors.Add(explicitAnchor.Groups["id"].Value);
            }
        }

        return anchors;
    }

    /// <summary>GitHub's anchor for a heading's text.</summary>
    public static string Slug(string headingText)
    {
        var text = MarkdownLink().Replace(headingText.Trim(), "${text}");
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (c == '-' || char.IsLetterOrDigit(c) || category is UnicodeCategory.ConnectorPunctuation
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    /// <summary>The lines outside fenced code blocks.</summary>
    private static IEnumerable<string> ProseLines(string markdown)
    {
        var fenced = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Fence().IsMatch(line))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                yield return line;
            }
        }
    }

    private static string Unbracket(string target) => target.StartsWith('<') && target.EndsWith('>') ? target[1..^1] : target;

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^\s*\[[^\]]+\]:\s*(?<target>\S+)")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"(?:src|href)=""(?<target>[^""]*)""")]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]*:|#|//)")]
    private static partial Regex AbsoluteOrFragment();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)(\s+#+)?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""")]
    private static partial Regex ExplicitAnchor();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();
}

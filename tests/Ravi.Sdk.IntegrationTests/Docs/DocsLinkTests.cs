using System.Text.RegularExpressions;

namespace Ravi.Sdk.IntegrationTests.Docs;

/// <summary>
/// The repository's own documentation is where design facts live (docs/architecture.md, docs/adr/): every relative link
/// in its Markdown, and every <c>docs/….md#anchor</c> a code comment cites, names a file and a heading that exist; and no
/// comment cites a specification outside the repository by section number.
/// </summary>
public sealed partial class DocsLinkTests
{
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".props", ".targets", ".sh", ".awk", ".json"];

    [Fact]
    public void Every_relative_link_in_the_markdown_resolves()
    {
        var root = RepositoryFiles.Root;
        var broken = new List<string>();
        foreach (var file in RepositoryFiles.Enumerate(".md"))
        {
            foreach (var target in MarkdownLinks.Targets(File.ReadAllText(file)))
            {
                if (!target.StartsWith('#') && !MarkdownLinks.IsRelative(target))
                {
                    continue;
                }

                var (path, anchor) = Split(target);
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (Problem(resolved, anchor) is { } problem)
                {
                    broken.Add($"{Path.GetRelativePath(root, file)}: ({target}) {problem}");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_docs_reference_in_code_resolves()
    {
        var root = RepositoryFiles.Root;
        var broken = new List<string>();
        var references = 0;
        foreach (var file in RepositoryFiles.Enumerate(SourceExtensions))
        {
            foreach (Match reference in DocsReference().Matches(File.ReadAllText(file)))
            {
                references++;
                var anchor = reference.Groups["anchor"].Success ? reference.Groups["anchor"].Value : null;
                if (Problem(Path.Combine(root, reference.Groups["path"].Value), anchor) is { } problem)
                {
                    broken.Add($"{Path.GetRelativePath(root, file)}: {reference.Value} {problem}");
                }
            }
        }

        Assert.True(references > 0, "No docs/….md reference found: the scan is broken.");
        Assert.True(broken.Count == 0, "Broken references to docs/:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void No_comment_cites_an_outside_specification_by_section()
    {
        var root = RepositoryFiles.Root;
        var citations = RepositoryFiles.Enumerate([.. SourceExtensions, ".md"])
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => OutsideSpecCitation().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(root, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(citations.Count == 0, "Cite docs/<file>.md#<heading> instead:\n" + string.Join('\n', citations));
    }

    [Fact]
    public void The_checker_reports_a_missing_file_and_a_missing_heading()
    {
        const string markdown = """
            # Title
            ## Where tokens are written
            ## The CLI's files
            ## Threat model: what the server can and cannot see
            ## Repeated
            ## Repeated
            ```bash
            # not a heading
            [not a link](nowhere.md)
            ```
            See [the chain](authentication.md#the-credential-chain), `[code](ignored.md)` and <img src="icon.png">.
            [ref]: <other.md#x>
            """;

        Assert.Equal(["authentication.md#the-credential-chain", "icon.png", "other.md#x"], MarkdownLinks.Targets(markdown).Order());
        Assert.Equal(
            ["repeated", "repeated-1", "the-clis-files", "threat-model-what-the-server-can-and-cannot-see", "title", "where-tokens-are-written"],
            MarkdownLinks.Anchors(markdown).Order());
        Assert.Equal("events-sse-and-otp-helpers", MarkdownLinks.Slug("Events (SSE) and OTP helpers"));
        Assert.Equal("raviclient-and-its-sub-clients", MarkdownLinks.Slug("`RaviClient` and its sub-clients"));

        var docs = Path.Combine(RepositoryFiles.Root, "docs");
        Assert.Null(Problem(Path.Combine(docs, "authentication.md"), "the-credential-chain"));
        Assert.Equal("names no heading 'no-such-heading'", Problem(Path.Combine(docs, "authentication.md"), "no-such-heading"));
        Assert.Equal("names a file that does not exist", Problem(Path.Combine(docs, "no-such-page.md"), null));
        Assert.Matches(DocsReference(), "see docs/resilience.md#what-is-retried.");
        Assert.DoesNotMatch(DocsReference(), "see mydocs/resilience.md");
        Assert.Matches(OutsideSpecCitation(), "// Credential chains (SPEC" + " §4)"); // split, or this line would be reported
    }

    private static (string Path, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }

    /// <summary>What is wrong with a link to <paramref name="path"/>#<paramref name="anchor"/>, or <see langword="null"/>.</summary>
    private static string? Problem(string path, string? anchor)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return "names a file that does not exist";
        }

        if (anchor is null or "" || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || Directory.Exists(path))
        {
            return null;
        }

        return MarkdownLinks.Anchors(File.ReadAllText(path)).Contains(anchor) ? null : $"names no heading '{anchor}'";
    }

    /// <summary>A repository-root-relative reference such as <c>docs/resilience.md#what-is-retried</c> in code.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?<path>docs/[\w./-]+?\.md)(?:#(?<anchor>[\w-]+))?")]
    private static partial Regex DocsReference();

    [GeneratedRegex(@"\bSPEC\s*§")]
    private static partial Regex OutsideSpecCitation();
}

using System.Text.RegularExpressions;

namespace Ravi.Sdk.IntegrationTests.Docs;

/// <summary>Checks that a document's C# snippets are the code a test compiles and runs.</summary>
internal static partial class DocSnippets
{
    /// <summary>
    /// Fails unless every C# block of <paramref name="document"/> is a <c>&lt;!-- snippet: name --&gt;</c> block that contains,
    /// verbatim, the <c>#region snippet: name</c> of <paramref name="testSource"/> (both relative to the repository root).
    /// </summary>
    public static void AssertTested(string document, string testSource)
    {
        var root = RepositoryFiles.Root;
        var readme = File.ReadAllText(Path.Combine(root, document)).ReplaceLineEndings("\n");
        var source = File.ReadAllText(Path.Combine(root, testSource)).ReplaceLineEndings("\n");

        var blocks = ReadmeBlock().Matches(readme).ToDictionary(m => m.Groups["name"].Value, m => Lines(m.Groups["code"].Value));
        var regions = SourceRegion().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Lines(m.Groups["code"].Value));

        Assert.NotEmpty(blocks);
        Assert.Equal(blocks.Keys.Order(), regions.Keys.Order());
        Assert.Equal(Regex.Count(readme, "```csharp"), blocks.Count); // every C# block in the README is a tested snippet
        foreach (var (name, region) in regions)
        {
            var block = blocks[name];
            var found = Enumerable.Range(0, block.Length - region.Length + 1).Any(start => block.AsSpan(start, region.Length).SequenceEqual(region));
            Assert.True(found, $"{document} snippet '{name}' differs from the tested region:\n--- {document}\n{string.Join('\n', block)}\n--- test\n{string.Join('\n', region)}");
        }
    }

    private static string[] Lines(string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return [.. lines.Select(l => l.Length >= indent ? l[indent..] : l)];
    }

    [GeneratedRegex(@"<!-- snippet: (?<name>[a-z-]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();

    [GeneratedRegex(@"#region snippet: (?<name>[a-z-]+)\n(?<code>.*?)\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex SourceRegion();
}

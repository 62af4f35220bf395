using ModelContextProtocol.Protocol;

namespace Ravi.Mcp.Tools;

/// <summary>Tool results the server builds itself.</summary>
internal static class ToolResults
{
    /// <summary>An <c>isError</c> result with one text block: what went wrong and what to do.</summary>
    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    /// <summary>The text of a result's text blocks.</summary>
    public static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}

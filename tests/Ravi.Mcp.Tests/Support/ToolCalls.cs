using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Ravi.Mcp.Tests.Support;

/// <summary>Calling tools with bounded time and reading their results.</summary>
public static class ToolCalls
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, Dictionary<string, object?> arguments,
        IProgress<ProgressNotificationValue>? progress = null)
    {
        using var timeout = new CancellationTokenSource(CallTimeout);
        return await client.CallToolAsync(tool, arguments, progress, cancellationToken: timeout.Token);
    }

    /// <summary>Calls a tool that must succeed and returns its structured result (checked against its text).</summary>
    public static async Task<JsonElement> CallOkAsync(this McpClient client, string tool, Dictionary<string, object?> arguments, string? logs = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError is null or false, $"{tool} failed: {Text(result)}\n{logs}");
        var text = JsonDocument.Parse(Text(result)).RootElement.Clone();
        if (result.StructuredContent is { } structured)
        {
            Assert.True(JsonElement.DeepEquals(text, JsonSerializer.SerializeToElement(structured)), $"{tool}: structuredContent differs from the text");
        }

        return text;
    }

    public static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}

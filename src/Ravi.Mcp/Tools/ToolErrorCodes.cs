using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;

namespace Ravi.Mcp.Tools;

/// <summary>Remembers the catalog's error code of each error result (for the server's own decisions; nothing goes on the wire).</summary>
internal static class ToolErrorCodes
{
    private static readonly ConditionalWeakTable<CallToolResult, string> Codes = [];

    public static CallToolResult Mark(CallToolResult result, string? code)
    {
        if (code is not null)
        {
            Codes.AddOrUpdate(result, code);
        }

        return result;
    }

    public static string? Of(CallToolResult result) => Codes.TryGetValue(result, out var code) ? code : null;
}

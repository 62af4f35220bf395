using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;

namespace Ravi.Mcp.Tools;

/// <summary>Remembers which error results came from a locked vault (nothing goes on the wire).</summary>
internal static class VaultLockedError
{
    private static readonly ConditionalWeakTable<CallToolResult, object> Marked = [];

    public static CallToolResult Mark(CallToolResult result)
    {
        Marked.AddOrUpdate(result, Marked);
        return result;
    }

    public static bool IsMarked(CallToolResult result) => Marked.TryGetValue(result, out _);
}

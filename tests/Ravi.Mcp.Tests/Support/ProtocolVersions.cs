namespace Ravi.Mcp.Tests.Support;

/// <summary>The protocol versions the tests negotiate.</summary>
public static class ProtocolVersions
{
    /// <summary>The oldest revision, the one Revka speaks.</summary>
    public const string Oldest = "2024-11-05";

    /// <summary>The newest revision of the ModelContextProtocol package (no initialize handshake).</summary>
    public const string Newest = "2026-07-28";

    /// <summary>The newest revision with the initialize handshake: the newest the legacy SSE transport (which needs a session) can carry.</summary>
    public const string NewestWithHandshake = "2025-11-25";

    /// <summary>The newest version a transport can negotiate.</summary>
    public static string NewestFor(McpTransport transport) => transport == McpTransport.LegacySse ? NewestWithHandshake : Newest;
}

using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Ravi.Mcp.Runtime;

namespace Ravi.Mcp.Hosting;

/// <summary>The MCP server's identity and instructions, shared by both transports.</summary>
internal static class McpServerSetup
{
    public static void Configure(McpServerOptions options, RaviMcpRuntime runtime)
    {
        options.ServerInfo = new Implementation { Name = "ravi", Title = "Ravi identities for agents", Version = ServerInstructions.Version };
        options.ServerInstructions = runtime.Instructions;
        // ProtocolVersion stays null: 2024-11-05 (Revka) up to the newest revision the SDK implements are all accepted.
    }
}

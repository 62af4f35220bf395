using Microsoft.Extensions.AI;

namespace Ravi.Sdk.Agents;

/// <summary>
/// The Ravi tools registered by <c>services.AddRaviTools()</c>: inject it and pass <see cref="Tools"/> to a chat client,
/// an agent or an MCP server.
/// </summary>
/// <example>
/// <code>
/// services.AddRavi(o => o.IdentityUuid = "…").AddRaviTools(o => o.Approval = RaviToolApproval.Destructive);
/// // later
/// var agent = new ChatClientAgent(chatClient, instructions, tools: [.. catalog.Tools]);
/// </code>
/// </example>
public sealed class RaviToolCatalog
{
    /// <summary>Builds the catalog (the same as <see cref="RaviTools.Create(RaviClient, RaviToolOptions?)"/>).</summary>
    /// <param name="client">The client the tools call through.</param>
    /// <param name="options">The catalog's options; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public RaviToolCatalog(RaviClient client, RaviToolOptions? options = null)
    {
        Tools = RaviTools.Create(client, options);
    }

    /// <summary>The tools, in the order of <see cref="RaviTools.ToolNames"/>.</summary>
    public IReadOnlyList<AITool> Tools { get; }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Ravi.Mcp.Configuration;
using Ravi.Sdk;

namespace Ravi.Mcp.Tools;

/// <summary>
/// The catalog's functions (defined once in Ravi.Sdk.Agents) as MCP tools: each wrapped in a <see cref="GuardedFunction"/>
/// and handed to <see cref="McpServerTool.Create(AIFunction, McpServerToolCreateOptions)"/> with its annotations.
/// </summary>
internal static class CatalogTools
{
    public static IReadOnlyDictionary<string, McpServerTool> Create(RaviClient client, RaviMcpSettings settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        var logger = loggerFactory.CreateLogger("Ravi.Mcp.Tools");
        var tools = new Dictionary<string, McpServerTool>(StringComparer.Ordinal);
        foreach (var function in Catalog(client, settings))
        {
            tools[function.Name] = McpServerTool.Create(new GuardedFunction(function, logger), new McpServerToolCreateOptions
            {
                Name = function.Name,
                Description = function.Description,
            });
        }

        return tools;
    }

    // The Ravi.Sdk.Agents catalog is merged in here (RaviTools.Create); until then the server lists no catalog tools.
    private static IEnumerable<AIFunction> Catalog(RaviClient client, RaviMcpSettings settings)
    {
        _ = client;
        _ = settings;
        return [];
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Ravi.Mcp.Configuration;
using Ravi.Sdk;
using Ravi.Sdk.Agents;

namespace Ravi.Mcp.Tools;

/// <summary>
/// The catalog (<see cref="RaviTools.Create(RaviClient, RaviToolOptions?)"/>, defined once in Ravi.Sdk.Agents) as MCP
/// tools: each function wrapped in a <see cref="GuardedFunction"/> and handed to
/// <see cref="McpServerTool.Create(AIFunction, McpServerToolCreateOptions)"/> with its annotations mapped one to one.
/// </summary>
internal static class CatalogTools
{
    /// <summary>Builds the tools; a setting the catalog refuses (an unknown name in --tools) comes back as <paramref name="problem"/> with every tool listed.</summary>
    public static IReadOnlyDictionary<string, McpServerTool> Create(RaviClient client, RaviMcpSettings settings, ILoggerFactory loggerFactory, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        problem = null;
        IReadOnlyList<AITool> catalog;
        try
        {
            catalog = RaviTools.Create(client, Options(settings, loggerFactory));
        }
        catch (ArgumentException ex)
        {
            problem = "A ravi-mcp setting is invalid: " + ex.Message.Split(" (Parameter", 2)[0];
            catalog = RaviTools.Create(client, new RaviToolOptions { LoggerFactory = loggerFactory });
        }

        var logger = loggerFactory.CreateLogger("Ravi.Mcp.Tools");
        var tools = new Dictionary<string, McpServerTool>(StringComparer.Ordinal);
        foreach (var function in catalog.OfType<AIFunction>())
        {
            var annotations = function.GetService<RaviToolAnnotations>();
            tools[function.Name] = McpServerTool.Create(new GuardedFunction(function, logger), new McpServerToolCreateOptions
            {
                Name = function.Name,
                Description = function.Description,
                Title = annotations?.Title,
                ReadOnly = annotations?.ReadOnly,
                Destructive = annotations?.Destructive,
                Idempotent = annotations?.Idempotent,
                OpenWorld = annotations?.OpenWorld,
                // The catalog declares each result's schema: clients that support it get outputSchema and structuredContent.
                UseStructuredContent = function.ReturnJsonSchema is { ValueKind: System.Text.Json.JsonValueKind.Object },
                OutputSchema = function.ReturnJsonSchema is { ValueKind: System.Text.Json.JsonValueKind.Object } schema ? schema : null,
            });
        }

        return tools;
    }

    private static RaviToolOptions Options(RaviMcpSettings settings, ILoggerFactory loggerFactory) => new()
    {
        IdentityUuid = settings.Identity,
        ReadOnly = settings.ReadOnly,
        AllowedTools = settings.Tools is null ? null : [.. settings.Tools],
        LoggerFactory = loggerFactory,
    };
}

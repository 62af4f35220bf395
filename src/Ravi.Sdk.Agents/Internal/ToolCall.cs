using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>One invocation of a tool: its bound arguments, the client it acts through, and how to report progress.</summary>
internal sealed class ToolCall
{
    private readonly RaviClient? _agent;

    public ToolCall(ToolCatalogContext catalog, ToolDefinition tool, ToolArguments arguments, RaviClient? agent, IProgress<RaviToolProgress>? progress)
    {
        Catalog = catalog;
        Tool = tool;
        Arguments = arguments;
        _agent = agent;
        Progress = progress;
    }

    public ToolCatalogContext Catalog { get; }

    public ToolDefinition Tool { get; }

    public ToolArguments Arguments { get; }

    /// <summary>The account-level client.</summary>
    public RaviClient Client => Catalog.Client;

    /// <summary>The client scoped to the identity this call acts for (identity-scoped tools only).</summary>
    public RaviClient Agent => _agent ?? throw new InvalidOperationException($"The tool '{Tool.Name}' is not identity-scoped.");

    /// <summary>The caller's progress sink, or null when it asked for none.</summary>
    public IProgress<RaviToolProgress>? Progress { get; }

    public RaviToolOptions Options => Catalog.Options;

    /// <summary>Finds the caller's progress sink in the invocation's context or services.</summary>
    public static IProgress<RaviToolProgress>? FindProgress(AIFunctionArguments arguments) =>
        (arguments.Context is { } context && context.TryGetValue(RaviToolProgress.ContextKey, out var fromContext) ? fromContext as IProgress<RaviToolProgress> : null)
        ?? arguments.Services?.GetService(RaviToolProgress.ContextKey) as IProgress<RaviToolProgress>;

    /// <summary>Serializes a result for the model: snake_case, no nulls, no escaping of ordinary characters.</summary>
    public static object Result<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToElement(value, typeInfo);
}

namespace Ravi.Sdk.Agents.Internal;

/// <summary>One tool of the catalog, defined once: name, description, hints, parameters and behaviour.</summary>
internal sealed record ToolDefinition
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>The result record a successful call returns (serialized), for the output schema.</summary>
    public required Type Result { get; init; }

    public required string Description { get; init; }

    public required ToolKind Kind { get; init; }

    /// <summary>Deletes or overwrites data (only for <see cref="ToolKind.Write"/>).</summary>
    public bool Destructive { get; init; }

    /// <summary>Repeating the call with the same arguments has no further effect.</summary>
    public bool Idempotent { get; init; }

    /// <summary>Reaches or returns content from outside the account.</summary>
    public bool OpenWorld { get; init; }

    /// <summary>Acts for one identity: takes the <c>identity</c> argument unless the catalog is pinned.</summary>
    public bool IdentityScoped { get; init; } = true;

    /// <summary>Only when the catalog is not pinned to one identity (account-level identity management).</summary>
    public bool AccountOnly { get; init; }

    public IReadOnlyList<ToolParameter> Parameters { get; init; } = [];

    /// <summary>Runs the tool with bound arguments; returns the result as a JSON value.</summary>
    public required Func<ToolCall, CancellationToken, Task<object>> Invoke { get; init; }

    public RaviToolAnnotations Annotations => new()
    {
        Title = Title,
        ReadOnly = Kind == ToolKind.Read,
        Destructive = Kind == ToolKind.Write && Destructive,
        Idempotent = Kind == ToolKind.Read || Idempotent,
        OpenWorld = OpenWorld,
    };
}

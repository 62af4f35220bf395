namespace Ravi.Sdk.Agents;

/// <summary>
/// The behaviour hints of a Ravi tool, as MCP <c>ToolAnnotations</c> define them. Every hint is explicit (never left to a
/// host's default).
/// </summary>
/// <remarks>
/// <para>Read them from any tool of the catalog, wrapped or not, with <c>tool.GetService&lt;RaviToolAnnotations&gt;()</c>
/// (<see cref="Microsoft.Extensions.AI.DelegatingAIFunction"/> wrappers such as
/// <see cref="Microsoft.Extensions.AI.ApprovalRequiredAIFunction"/> forward the request), or generically from
/// <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> under the MCP property names
/// (<see cref="TitleKey"/>, <see cref="ReadOnlyHintKey"/>, <see cref="DestructiveHintKey"/>, <see cref="IdempotentHintKey"/>,
/// <see cref="OpenWorldHintKey"/>), whose values are <see cref="string"/> and <see cref="bool"/>.</para>
/// <para>An MCP server maps them one to one: with the C# MCP SDK, <c>McpServerTool.Create(function, new McpServerToolCreateOptions
/// { Title = a.Title, ReadOnly = a.ReadOnly, Destructive = a.Destructive, Idempotent = a.Idempotent, OpenWorld = a.OpenWorld })</c>.</para>
/// </remarks>
public sealed record RaviToolAnnotations
{
    /// <summary>The <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> key of <see cref="Title"/>.</summary>
    public const string TitleKey = "title";

    /// <summary>The <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> key of <see cref="ReadOnly"/>.</summary>
    public const string ReadOnlyHintKey = "readOnlyHint";

    /// <summary>The <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> key of <see cref="Destructive"/>.</summary>
    public const string DestructiveHintKey = "destructiveHint";

    /// <summary>The <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> key of <see cref="Idempotent"/>.</summary>
    public const string IdempotentHintKey = "idempotentHint";

    /// <summary>The <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> key of <see cref="OpenWorld"/>.</summary>
    public const string OpenWorldHintKey = "openWorldHint";

    /// <summary>A short human-readable title, e.g. "Wait for a verification code".</summary>
    public required string Title { get; init; }

    /// <summary>The tool does not change anything stored in the account or send anything (MCP <c>readOnlyHint</c>).</summary>
    public required bool ReadOnly { get; init; }

    /// <summary>The tool may delete or overwrite data (MCP <c>destructiveHint</c>; meaningful when not <see cref="ReadOnly"/>).</summary>
    public required bool Destructive { get; init; }

    /// <summary>Calling it again with the same arguments has no further effect (MCP <c>idempotentHint</c>).</summary>
    public required bool Idempotent { get; init; }

    /// <summary>The tool reaches or returns content from outside the account: external senders or recipients (MCP <c>openWorldHint</c>).</summary>
    public required bool OpenWorld { get; init; }
}

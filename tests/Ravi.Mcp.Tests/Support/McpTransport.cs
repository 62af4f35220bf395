namespace Ravi.Mcp.Tests.Support;

/// <summary>How a test client reaches ravi-mcp.</summary>
public enum McpTransport
{
    /// <summary>The client starts <c>ravi-mcp</c> and talks over its stdin/stdout.</summary>
    Stdio,

    /// <summary>Streamable HTTP at <c>/mcp</c>.</summary>
    StreamableHttp,

    /// <summary>The legacy HTTP+SSE transport at <c>/sse</c> (oAI-Web's default).</summary>
    LegacySse,
}

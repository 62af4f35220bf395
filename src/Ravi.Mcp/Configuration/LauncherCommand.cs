namespace Ravi.Mcp.Configuration;

/// <summary>What the command line asks for.</summary>
internal enum LauncherCommand
{
    /// <summary>Run the MCP server.</summary>
    Serve,

    /// <summary>Print the usage and exit.</summary>
    Help,

    /// <summary>Print the version and exit.</summary>
    Version,
}

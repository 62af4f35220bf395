namespace Ravi.Mcp.Configuration;

/// <summary>The outcome of reading the command line, the environment and the config file.</summary>
/// <param name="Settings">The merged settings (defaults where a source was unusable).</param>
/// <param name="Problems">
/// Configuration problems that do not stop the server (an unreadable config file, a bad RAVI_BASE_URL): it serves anyway
/// and every tool answers with them, so the host and the model learn what to fix.
/// </param>
/// <param name="UsageError">A command-line error: ravi-mcp prints it with the usage and exits with code 2.</param>
/// <param name="Command">What to do: serve, print the help or print the version.</param>
internal sealed record SettingsLoadResult(RaviMcpSettings Settings, IReadOnlyList<string> Problems, string? UsageError, LauncherCommand Command);

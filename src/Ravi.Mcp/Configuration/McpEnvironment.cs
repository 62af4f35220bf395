namespace Ravi.Mcp.Configuration;

/// <summary>The process environment as ravi-mcp sees it (tests pass a dictionary instead).</summary>
/// <param name="values">Variables to use instead of the process environment; <see langword="null"/> for the real one.</param>
internal sealed class McpEnvironment(IReadOnlyDictionary<string, string>? values = null)
{
    /// <summary>The real process environment.</summary>
    public static McpEnvironment System { get; } = new();

    /// <summary>A variable, or <see langword="null"/> when unset or blank.</summary>
    public string? Get(string name)
    {
        var value = values is null ? Environment.GetEnvironmentVariable(name) : values.GetValueOrDefault(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The user's home directory, or <see langword="null"/>.</summary>
    public string? HomeDirectory =>
        Get("HOME") ?? (values is null && Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } profile ? profile : null);

    /// <summary>The CLI configuration directory: <paramref name="explicitDirectory"/>, <c>RAVI_CONFIG_DIR</c>, else <c>~/.ravi</c>.</summary>
    public string? CliDirectory(string? explicitDirectory) =>
        explicitDirectory ?? Get(EnvironmentVariables.ConfigDirectory) ?? (HomeDirectory is { } home ? Path.Combine(home, ".ravi") : null);
}

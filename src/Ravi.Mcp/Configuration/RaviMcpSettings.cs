namespace Ravi.Mcp.Configuration;

/// <summary>
/// Everything <c>ravi-mcp</c> runs with, merged from the command line, the environment and the optional config file (in
/// that order of precedence). Credentials are not part of it: they come from the environment and the CLI's files (see
/// <see cref="Runtime.CredentialResolver"/>), never from the command line, where other users could read them.
/// </summary>
internal sealed record RaviMcpSettings
{
    /// <summary>Serve Streamable HTTP and legacy SSE instead of stdio.</summary>
    public bool Http { get; init; }

    /// <summary>The addresses Kestrel listens on (HTTP only).</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [DefaultUrl];

    /// <summary>The API key HTTP clients must present; <see langword="null"/> for none (loopback only).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Where <see cref="ApiKey"/> came from, for messages (never the value).</summary>
    public string? ApiKeySource { get; init; }

    /// <summary>Run against an embedded RaviTestServer instead of a Ravi account.</summary>
    public bool Demo { get; init; }

    /// <summary>The Ravi API host; <see langword="null"/> for the SDK's default.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>The CLI configuration directory (instead of <c>RAVI_CONFIG_DIR</c> / <c>~/.ravi</c>).</summary>
    public string? ConfigDirectory { get; init; }

    /// <summary>Where ravi-mcp keeps its own state (rotated tokens of environment credentials).</summary>
    public string? StateDirectory { get; init; }

    /// <summary>A file whose first line is the 6-digit PIN.</summary>
    public string? PinFile { get; init; }

    /// <summary>Pins the tools to one identity (the identity parameter disappears).</summary>
    public string? Identity { get; init; }

    /// <summary>Only tools that change nothing.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Only these tools (by name); <see langword="null"/> for all.</summary>
    public IReadOnlyList<string>? Tools { get; init; }

    /// <summary>The minimum level logged to stderr.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>The config file that was read, if any.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The default HTTP address: loopback only (127.0.0.1 and ::1, so clients that resolve localhost to either connect).</summary>
    public static Uri DefaultUrl { get; } = new("http://localhost:3000");

    /// <inheritdoc/>
    public override string ToString() =>
        $"RaviMcpSettings {{ Http = {Http}, Urls = {string.Join(';', Urls)}, ApiKey = {(ApiKey is null ? "none" : "***")}, Demo = {Demo} }}";
}

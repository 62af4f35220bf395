using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Ravi.Mcp.Configuration;

/// <summary>
/// Reads the settings: command-line options win over environment variables, which win over the config file
/// (<c>--config</c>, <c>RAVI_MCP_CONFIG</c>, else <c>mcp.json</c> in the CLI directory, <c>~/.ravi</c>). Hosts that pass
/// neither arguments nor environment variables (oAI-Web) are served by the config file and the CLI's own files.
/// </summary>
internal static class SettingsLoader
{
    public const string DefaultConfigFileName = "mcp.json";

    public static SettingsLoadResult Load(IReadOnlyList<string> args, McpEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new RaviMcpSettings();
        var parsed = ParseArguments(args);
        if (parsed.Error is not null || parsed.Command != LauncherCommand.Serve)
        {
            return new SettingsLoadResult(settings, [], parsed.Error, parsed.Command);
        }

        var options = parsed.Options;
        var problems = new List<string>();
        var configDirectory = options.GetValueOrDefault("config-dir");
        var cliDirectory = environment.CliDirectory(configDirectory);
        var explicitConfig = options.GetValueOrDefault("config") ?? environment.Get(EnvironmentVariables.Config);
        var configPath = explicitConfig ?? (cliDirectory is null ? null : Path.Combine(cliDirectory, DefaultConfigFileName));
        var file = ReadConfigFile(configPath, required: explicitConfig is not null, problems);

        string? Pick(string option, string? variable, string fileKey) =>
            options.GetValueOrDefault(option) ?? (variable is null ? null : environment.Get(variable)) ?? file.GetValueOrDefault(fileKey);

        var http = options.ContainsKey("http") || options.ContainsKey("urls") || IsTrue(file.GetValueOrDefault("http"));
        var urlsText = Pick("urls", EnvironmentVariables.Urls, "urls");
        IReadOnlyList<Uri> urls = [RaviMcpSettings.DefaultUrl];
        if (urlsText is not null)
        {
            if (ParseUrls(urlsText) is { } parsedUrls)
            {
                urls = parsedUrls;
            }
            else
            {
                return new SettingsLoadResult(settings, problems, $"--urls: '{Cut(urlsText)}' is not a list of http:// addresses (e.g. http://127.0.0.1:3000).", LauncherCommand.Serve);
            }
        }

        var (apiKey, apiKeySource) = options.GetValueOrDefault("api-key") is { } argKey ? (argKey, "--api-key")
            : environment.Get(EnvironmentVariables.ApiKey) is { } envKey ? (envKey, EnvironmentVariables.ApiKey)
            : file.GetValueOrDefault("apiKey") is { } fileKey ? (fileKey, "apiKey in " + configPath)
            : ((string?)null, (string?)null);

        Uri? baseAddress = null;
        var baseUrl = Pick("base-url", EnvironmentVariables.BaseUrl, "baseUrl");
        if (baseUrl is not null)
        {
            if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsedBase) && parsedBase.Scheme is "http" or "https")
            {
                baseAddress = parsedBase;
            }
            else
            {
                problems.Add($"The Ravi API address '{Cut(baseUrl)}' (--base-url, {EnvironmentVariables.BaseUrl} or baseUrl) is not an absolute http(s) URL.");
            }
        }

        var logLevel = LogLevel.Warning;
        if (Pick("log-level", EnvironmentVariables.LogLevel, "logLevel") is { } levelText)
        {
            if (Enum.TryParse<LogLevel>(levelText, ignoreCase: true, out var level) && Enum.IsDefined(level))
            {
                logLevel = level;
            }
            else
            {
                problems.Add($"The log level '{Cut(levelText)}' is not one of Trace, Debug, Information, Warning, Error, Critical, None.");
            }
        }

        var toolsText = Pick("tools", EnvironmentVariables.Tools, "tools");
        var tools = toolsText?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        settings = settings with
        {
            Http = http,
            Urls = urls,
            ApiKey = apiKey,
            ApiKeySource = apiKeySource,
            Demo = options.ContainsKey("demo") || IsTrue(file.GetValueOrDefault("demo")),
            BaseAddress = baseAddress,
            ConfigDirectory = configDirectory,
            StateDirectory = Pick("state-dir", EnvironmentVariables.StateDirectory, "stateDir"),
            PinFile = Pick("pin-file", EnvironmentVariables.PinFile, "pinFile"),
            Identity = Pick("identity", EnvironmentVariables.Identity, "identity"),
            ReadOnly = options.ContainsKey("read-only") || IsTrue(environment.Get(EnvironmentVariables.ReadOnly)) || IsTrue(file.GetValueOrDefault("readOnly")),
            Tools = tools is { Length: > 0 } ? tools : null,
            LogLevel = logLevel,
            ConfigFile = file.Count > 0 ? configPath : null,
        };
        return new SettingsLoadResult(settings, problems, null, LauncherCommand.Serve);
    }

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "http", "demo", "read-only" };

    private static readonly HashSet<string> Valued = new(StringComparer.Ordinal)
    {
        "urls", "api-key", "base-url", "config", "config-dir", "state-dir", "pin-file", "identity", "tools", "log-level",
    };

    private static (Dictionary<string, string> Options, LauncherCommand Command, string? Error) ParseArguments(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                return (options, LauncherCommand.Help, null);
            }

            if (arg is "--version")
            {
                return (options, LauncherCommand.Version, null);
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return (options, LauncherCommand.Serve, $"Unexpected argument '{Cut(arg)}'.");
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (Flags.Contains(name))
            {
                if (value is not null)
                {
                    return (options, LauncherCommand.Serve, $"--{name} takes no value.");
                }

                options[name] = "true";
            }
            else if (Valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        return (options, LauncherCommand.Serve, $"--{name} needs a value.");
                    }

                    value = args[++i];
                }

                if (string.IsNullOrWhiteSpace(value))
                {
                    return (options, LauncherCommand.Serve, $"--{name} needs a value.");
                }

                options[name] = value;
            }
            else
            {
                return (options, LauncherCommand.Serve, $"Unknown option '--{Cut(name)}'.");
            }
        }

        return (options, LauncherCommand.Serve, null);
    }

    private static Dictionary<string, string> ReadConfigFile(string? path, bool required, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null)
        {
            return values;
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                if (required)
                {
                    problems.Add($"The config file {path} does not exist.");
                }

                return values;
            }

            if (info.Length > 64 * 1024)
            {
                problems.Add($"The config file {path} is larger than 64 KiB; it was ignored.");
                return values;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"The config file {path} could not be read ({ex.GetType().Name}); it was ignored.");
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"The config file {path} is not a JSON object; it was ignored.");
                return values;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.Array => string.Join(';', property.Value.EnumerateArray()
                        .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString())),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(text))
                {
                    values[property.Name] = text;
                }
            }
        }
        catch (JsonException ex)
        {
            problems.Add($"The config file {path} is not valid JSON (line {(ex.LineNumber ?? 0) + 1}); it was ignored.");
        }

        return values;
    }

    private static List<Uri>? ParseUrls(string text)
    {
        var urls = new List<Uri>();
        foreach (var part in text.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/" || url.Query.Length > 0)
            {
                return null;
            }

            urls.Add(url);
        }

        return urls.Count > 0 ? urls : null;
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" ||
                              value.Equals("yes", StringComparison.OrdinalIgnoreCase));

    /// <summary>Echoed input is cut, so a pasted secret or a huge value is never repeated whole.</summary>
    public static string Cut(string value) =>
        value.Length <= 80 ? value : string.Create(CultureInfo.InvariantCulture, $"{value[..80]}… ({value.Length} characters)");
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Ravi.Mcp.Configuration;
using Ravi.Sdk.Auth;

namespace Ravi.Mcp.Runtime;

/// <summary>
/// Finds the credential the way the CLI and the SDK do: <c>RAVI_ACCESS_TOKEN</c> (+ <c>RAVI_REFRESH_TOKEN</c>), then
/// <c>auth.json</c> in <c>--config-dir</c> / <c>RAVI_CONFIG_DIR</c>, then <c>~/.ravi/auth.json</c> (so <c>ravi login</c> is
/// enough). Tokens from a file are refreshed in that file (the SDK's <see cref="RaviCliTokenStore"/>). Tokens from the
/// environment cannot be written back there, so their rotations go to ravi-mcp's own token file, tagged with a hash of
/// the refresh token they started from: a restart with the same environment continues from the rotated tokens instead of
/// spending the already-used refresh token again, and new tokens in the environment replace the file.
/// </summary>
internal sealed class CredentialResolver(RaviMcpSettings settings, McpEnvironment environment, ILogger logger)
{
    /// <summary>The field of ravi-mcp's token file that ties it to the environment's refresh token.</summary>
    public const string SeedField = "ravi_mcp_seed";

    /// <summary>ravi-mcp's token file for environment credentials, inside the state directory.</summary>
    public const string StateFileName = "auth.json";

    public async Task<ResolvedCredential> ResolveAsync(CancellationToken cancellationToken)
    {
        if (environment.Get(EnvironmentVariables.AccessToken) is { } access)
        {
            return await FromEnvironmentAsync(access.Trim(), environment.Get(EnvironmentVariables.RefreshToken)?.Trim(), cancellationToken).ConfigureAwait(false);
        }

        var searched = new List<string> { EnvironmentVariables.AccessToken };
        foreach (var directory in CliDirectories())
        {
            var path = Path.GetFullPath(Path.Combine(directory, RaviCliTokenStore.FileName));
            searched.Add(path);
            if (!File.Exists(path))
            {
                continue;
            }

            var store = new RaviCliTokenStore(path);
            try
            {
                if (await store.LoadAsync(cancellationToken).ConfigureAwait(false) is { AccessToken.Length: > 0 })
                {
                    return new ResolvedCredential(new RaviCredential(store), path, null);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                McpLog.CredentialFileUnreadable(logger, path, ex.GetType().Name);
            }
        }

        return new ResolvedCredential(null, "none",
            "ravi-mcp is not signed in to Ravi: there is no " + EnvironmentVariables.AccessToken + " in its environment and no signed-in " +
            "auth.json (looked at " + string.Join(", ", searched.Skip(1)) + "). Run `ravi login` on this machine as the user " +
            "that runs ravi-mcp, or set " + EnvironmentVariables.AccessToken + " and " + EnvironmentVariables.RefreshToken +
            " in the MCP server's environment; the tools work on the next call after that.");
    }

    /// <summary>The CLI directories in search order: the explicit one (option or RAVI_CONFIG_DIR), then ~/.ravi.</summary>
    public IEnumerable<string> CliDirectories()
    {
        var explicitDirectory = settings.ConfigDirectory ?? environment.Get(EnvironmentVariables.ConfigDirectory);
        var home = environment.HomeDirectory is { } h ? Path.Combine(h, ".ravi") : null;
        if (explicitDirectory is not null)
        {
            yield return explicitDirectory;
        }

        if (home is not null && (explicitDirectory is null ||
                                 !string.Equals(Path.GetFullPath(explicitDirectory), Path.GetFullPath(home), StringComparison.Ordinal)))
        {
            yield return home;
        }
    }

    /// <summary>Where environment tokens are persisted: <c>--state-dir</c> / <c>RAVI_MCP_STATE_DIR</c>, else <c>mcp/</c> in the CLI directory.</summary>
    public string? StateFilePath() =>
        (settings.StateDirectory ?? (environment.CliDirectory(settings.ConfigDirectory) is { } cli ? Path.Combine(cli, "mcp") : null)) is { } directory
            ? Path.GetFullPath(Path.Combine(directory, StateFileName))
            : null;

    private async Task<ResolvedCredential> FromEnvironmentAsync(string access, string? refresh, CancellationToken cancellationToken)
    {
        const string source = EnvironmentVariables.AccessToken;
        if (string.IsNullOrEmpty(refresh))
        {
            return new ResolvedCredential(new RaviCredential(access), source, null); // an API key or a token that cannot rotate
        }

        var path = StateFilePath();
        if (path is null)
        {
            return new ResolvedCredential(new RaviCredential(access, refresh), source, null);
        }

        var seed = Seed(refresh);
        try
        {
            if (!await HasSeedAsync(path, seed, cancellationToken).ConfigureAwait(false))
            {
                await WriteSeededAsync(path, access, refresh, seed, cancellationToken).ConfigureAwait(false);
            }

            return new ResolvedCredential(new RaviCredential(new RaviCliTokenStore(path)), source + " (rotations kept in " + path + ")", null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            McpLog.StateFileUnwritable(logger, path, ex.GetType().Name);
            return new ResolvedCredential(new RaviCredential(access, refresh), source, null);
        }
    }

    private static async Task<bool> HasSeedAsync(string path, string seed, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(bytes) is JsonObject obj &&
                   obj[SeedField] is JsonValue stored && stored.TryGetValue<string>(out var value) &&
                   CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), Encoding.ASCII.GetBytes(seed)) &&
                   obj["access_token"] is JsonValue token && token.TryGetValue<string>(out var accessToken) && accessToken.Length > 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return false; // damaged: start again from the environment
        }
    }

    private static async Task WriteSeededAsync(string path, string access, string refresh, string seed, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var json = new JsonObject { ["access_token"] = access, ["refresh_token"] = refresh, [SeedField] = seed }.ToJsonString();
        var temp = Path.Combine(directory, "." + StateFileName + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            var stream = new FileStream(temp, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A one-way tag of the refresh token the state file started from (the token itself is never stored twice).</summary>
    private static string Seed(string refreshToken) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}

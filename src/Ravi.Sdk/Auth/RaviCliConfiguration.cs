using System.Text.Json;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// Resolves credentials and the default identity the way the official CLI does (SPEC §4), so a user who ran
/// <c>ravi login</c> is signed in to the SDK with no code.
/// Credentials: explicit options → <c>RAVI_ACCESS_TOKEN</c> (+ <c>RAVI_REFRESH_TOKEN</c>) → <c>$RAVI_CONFIG_DIR/auth.json</c>
/// → <c>~/.ravi/auth.json</c>. Identity: explicit → <c>$RAVI_CONFIG_DIR/config.json</c> → <c>./.ravi/config.json</c> →
/// <c>~/.ravi/config.json</c>. <see cref="RaviClientOptions.ConfigDirectory"/> replaces <c>RAVI_CONFIG_DIR</c>; everything
/// past the explicit options needs <see cref="RaviClientOptions.UseCliConfiguration"/>.
/// </summary>
internal static class RaviCliConfiguration
{
    public const string AccessTokenVariable = "RAVI_ACCESS_TOKEN";
    public const string RefreshTokenVariable = "RAVI_REFRESH_TOKEN";
    public const string ConfigDirectoryVariable = "RAVI_CONFIG_DIR";
    public const string ConfigFileName = "config.json";
    public const string DirectoryName = ".ravi";

    /// <summary>The explicit configuration directory: <see cref="RaviClientOptions.ConfigDirectory"/>, else <c>RAVI_CONFIG_DIR</c>.</summary>
    public static string? ExplicitDirectory(RaviClientOptions options, RaviEnvironment environment) =>
        NonEmpty(options.ConfigDirectory) ?? NonEmpty(environment.GetEnvironmentVariable(ConfigDirectoryVariable));

    /// <summary><c>~/.ravi</c>, or <see langword="null"/> without a home directory.</summary>
    public static string? HomeDirectory(RaviEnvironment environment) =>
        NonEmpty(environment.HomeDirectory) is { } home ? Path.Combine(home, DirectoryName) : null;

    /// <summary>The credential from explicit options only (no environment, no files).</summary>
    public static IRaviCredential? FromOptions(RaviClientOptions options)
    {
        if (options.Credential is { } credential)
        {
            return credential;
        }

        if (!string.IsNullOrEmpty(options.AccessToken))
        {
            return new RaviCredential(options.AccessToken, options.RefreshToken);
        }

        if (!string.IsNullOrEmpty(options.RefreshToken))
        {
            // A refresh token alone: the first request renews it.
            return new RaviCredential(new RaviTokens { AccessToken = string.Empty, RefreshToken = options.RefreshToken }, null);
        }

        return null;
    }

    /// <summary>Runs the credential chain. Always returns a credential (an empty one that logins can fill when nothing is found).</summary>
    public static (IRaviCredential Credential, string Source) ResolveCredential(RaviClientOptions options, RaviEnvironment environment, ILogger logger)
    {
        if (FromOptions(options) is { } explicitCredential)
        {
            return (explicitCredential, options.Credential is null ? "RaviClientOptions.AccessToken" : "RaviClientOptions.Credential");
        }

        if (!options.UseCliConfiguration)
        {
            return (RaviCredential.SignedOut(), "none (UseCliConfiguration is off)");
        }

        if (NonEmpty(environment.GetEnvironmentVariable(AccessTokenVariable)) is { } envAccess)
        {
            return (new RaviCredential(envAccess, NonEmpty(environment.GetEnvironmentVariable(RefreshTokenVariable))), AccessTokenVariable);
        }

        var explicitDir = ExplicitDirectory(options, environment);
        var homeDir = HomeDirectory(environment);
        foreach (var dir in Distinct(explicitDir, homeDir))
        {
            var path = Path.GetFullPath(Path.Combine(dir, RaviCliTokenStore.FileName));
            RaviCliAuthFile? file;
            try
            {
                file = RaviCliAuthFile.TryRead(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                RaviAuthLog.IgnoredFile(logger, path, ex.GetType().Name);
                continue;
            }

            if (file?.ToTokens() is { } tokens)
            {
                return (new RaviCredential(tokens, new RaviCliTokenStore(path)), path);
            }
        }

        // Nothing found: logins (device flow, password) are saved where the CLI would save them.
        var target = explicitDir ?? homeDir;
        return target is null
            ? (RaviCredential.SignedOut(), "none")
            : (RaviCredential.SignedOut(RaviCliTokenStore.ForDirectory(target)), "none (logins are saved to " + Path.Combine(target, RaviCliTokenStore.FileName) + ")");
    }

    /// <summary>Runs the identity chain (only used when <see cref="RaviClientOptions.IdentityUuid"/> is null).</summary>
    public static (string? IdentityUuid, string? Source) ResolveIdentity(RaviClientOptions options, RaviEnvironment environment, ILogger logger)
    {
        if (options.IdentityUuid is not null)
        {
            return (options.IdentityUuid, "RaviClientOptions.IdentityUuid");
        }

        if (!options.UseCliConfiguration)
        {
            return (null, null);
        }

        var candidates = new List<string>(3);
        if (ExplicitDirectory(options, environment) is { } explicitDir)
        {
            candidates.Add(Path.Combine(explicitDir, ConfigFileName));
        }

        candidates.Add(Path.Combine(environment.CurrentDirectory, DirectoryName, ConfigFileName));
        if (HomeDirectory(environment) is { } homeDir)
        {
            candidates.Add(Path.Combine(homeDir, ConfigFileName));
        }

        foreach (var path in candidates)
        {
            if (ReadIdentity(path, logger) is { } uuid)
            {
                return (uuid, path);
            }
        }

        return (null, null);
    }

    /// <summary>Reads <c>identity_uuid</c> from a CLI <c>config.json</c>; <see langword="null"/> when absent or invalid.</summary>
    public static string? ReadIdentity(string path, ILogger logger)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RaviAuthLog.IgnoredFile(logger, path, ex.GetType().Name);
            return null;
        }

        var obj = RaviCliAuthFile.ParseObject(bytes);
        if (obj is null)
        {
            RaviAuthLog.IgnoredFile(logger, path, "not a JSON object");
            return null;
        }

        if (obj["identity_uuid"] is not { } node || node.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var uuid = node.GetValue<string>().Trim();
        if (uuid.Length == 0)
        {
            return null;
        }

        if (!Guid.TryParseExact(uuid, "D", out _))
        {
            RaviAuthLog.IgnoredFile(logger, path, "identity_uuid is not a UUID");
            return null;
        }

        return uuid;
    }

    /// <summary>
    /// The CLI's <c>auth.json</c> behind the client's credential (with <c>private_key</c>/<c>public_key</c>, so the crypto layer can
    /// unlock without a PIN); <see langword="null"/> when the credential is not backed by that file.
    /// </summary>
    public static Task<RaviCliAuthFile?> ReadAuthFileAsync(IRaviCredential credential, CancellationToken cancellationToken) =>
        credential is RaviCredential { Store: RaviCliTokenStore store }
            ? store.ReadAuthFileAsync(cancellationToken)
            : Task.FromResult<RaviCliAuthFile?>(null);

    private static IEnumerable<string> Distinct(string? first, string? second)
    {
        if (first is not null)
        {
            yield return first;
        }

        if (second is not null && (first is null || !string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), StringComparison.Ordinal)))
        {
            yield return second;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

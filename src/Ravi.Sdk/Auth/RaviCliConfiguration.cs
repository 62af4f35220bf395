using System.Text.Json;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// Resolves credentials and the default identity the way the official CLI does (docs/authentication.md#the-credential-chain), so a user who ran
/// <c>ravi login</c> is signed in to the SDK with no code.
/// Credentials: explicit options → <c>RAVI_ACCESS_TOKEN</c> (+ <c>RAVI_REFRESH_TOKEN</c>) → <c>$RAVI_CONFIG_DIR/auth.json</c>
/// → <c>~/.ravi/auth.json</c>, run lazily by <see cref="RaviCliCredential"/>. Identity: explicit → <c>$RAVI_CONFIG_DIR/config.json</c> → <c>./.ravi/config.json</c> →
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
    public static string? ExplicitDirectory(RaviClientSettings options, RaviEnvironment environment) =>
        NonEmpty(options.ConfigDirectory) ?? NonEmpty(environment.GetEnvironmentVariable(ConfigDirectoryVariable));

    /// <summary><c>~/.ravi</c>, or <see langword="null"/> without a home directory.</summary>
    public static string? HomeDirectory(RaviEnvironment environment) =>
        NonEmpty(environment.HomeDirectory) is { } home ? Path.Combine(home, DirectoryName) : null;

    /// <summary>The credential from explicit options only (no environment, no files).</summary>
    public static IRaviCredential? FromOptions(RaviClientSettings options) =>
        options.Credential ?? (ExplicitTokens(options) is { } tokens ? new RaviCredential(tokens, null) : null);

    /// <summary>
    /// The tokens <see cref="RaviClientOptions.AccessToken"/>/<see cref="RaviClientOptions.RefreshToken"/> give, or
    /// <see langword="null"/>; a refresh token alone has an empty access token (the first request renews it).
    /// </summary>
    public static RaviTokens? ExplicitTokens(RaviClientSettings options)
    {
        var refresh = string.IsNullOrEmpty(options.RefreshToken) ? null : options.RefreshToken;
        if (!string.IsNullOrEmpty(options.AccessToken))
        {
            return new RaviTokens { AccessToken = options.AccessToken, RefreshToken = refresh };
        }

        return refresh is null ? null : new RaviTokens { AccessToken = string.Empty, RefreshToken = refresh };
    }

    /// <summary>
    /// The client's credential, without any I/O: the explicit one from the options; else, with
    /// <see cref="RaviClientOptions.UseCliConfiguration"/>, a <see cref="RaviCliCredential"/> that runs the chain on first use;
    /// else a signed-out credential that a login fills (in memory).
    /// </summary>
    public static (IRaviCredential Credential, string Source) CreateCredential(RaviClientSettings options, RaviEnvironment environment, ILogger logger)
    {
        if (FromOptions(options) is { } explicitCredential)
        {
            return (explicitCredential, options.Credential is null ? "RaviClientOptions.AccessToken" : "RaviClientOptions.Credential");
        }

        return options.UseCliConfiguration
            ? (new RaviCliCredential(options, environment, logger), "the CLI configuration (resolved on first use)")
            : (RaviCredential.SignedOut(), "none (UseCliConfiguration is off)");
    }

    /// <summary>Where <c>auth.json</c> is looked for, in order: the explicit directory, then <c>~/.ravi</c> (once if they are the same).</summary>
    public static IEnumerable<string> TokenDirectories(RaviClientSettings options, RaviEnvironment environment) =>
        Distinct(ExplicitDirectory(options, environment), HomeDirectory(environment));

    /// <summary>Runs the identity chain (only used when <see cref="RaviClientOptions.IdentityUuid"/> is null).</summary>
    public static (string? IdentityUuid, string? Source) ResolveIdentity(RaviClientSettings options, RaviEnvironment environment, ILogger logger)
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

    /// <summary>Reads <c>identity_uuid</c> from a CLI <c>config.json</c> (bounded to 1 MiB); <see langword="null"/> when absent or invalid.</summary>
    public static string? ReadIdentity(string path, ILogger logger)
    {
        var read = RaviCliFileReader.Read(path);
        if (read.Status == RaviCliFileStatus.Missing)
        {
            return null;
        }

        if (read.Json is not { } obj)
        {
            RaviAuthLog.IgnoredFile(logger, path, read.Problem ?? "not a JSON object");
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
    public static async Task<RaviCliAuthFile?> ReadAuthFileAsync(IRaviCredential credential, CancellationToken cancellationToken) =>
        await FileBackedAsync(credential, cancellationToken).ConfigureAwait(false) is { Store: RaviCliTokenStore store }
            ? await store.ReadAuthFileAsync(cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// Stores the CLI's key fields in the <c>auth.json</c> behind the client's credential, under its lock, when that file holds
    /// the credential's session (see <see cref="RaviClientOptions.StoreKeysForCli"/>).
    /// </summary>
    /// <returns>The file the keys were written to.</returns>
    /// <exception cref="RaviTokenStoreException">The credential is not backed by the CLI's file, or the file holds another session or cannot be written.</exception>
    public static async Task<string> StoreKeysAsync(IRaviCredential credential, string pinSalt, string publicKey, string privateKey, CancellationToken cancellationToken)
    {
        if (await FileBackedAsync(credential, cancellationToken).ConfigureAwait(false) is not { Store: RaviCliTokenStore store } owner ||
            await owner.GetTokenAsync(cancellationToken).ConfigureAwait(false) is not { } tokens)
        {
            throw new RaviTokenStoreException("The encryption keys were not stored for the CLI: the client's tokens do not come from the CLI's auth.json.", null);
        }

        var held = await store.AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            await store.SaveKeysAsync(pinSalt, publicKey, privateKey, tokens, cancellationToken).ConfigureAwait(false);
        }

        return store.FilePath;
    }

    /// <summary>The <see cref="RaviCredential"/> behind a client's credential (resolving the CLI chain if it has not run yet).</summary>
    private static async Task<RaviCredential?> FileBackedAsync(IRaviCredential credential, CancellationToken cancellationToken)
    {
        if (credential is RaviCliCredential chain)
        {
            await chain.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return chain.Current;
        }

        return credential as RaviCredential;
    }

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

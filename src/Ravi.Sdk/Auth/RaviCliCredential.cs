using Microsoft.Extensions.Logging;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// The credential of a client that uses the CLI configuration (docs/authentication.md#the-credential-chain) and has no explicit token: resolved lazily, on the
/// first request, from <c>RAVI_ACCESS_TOKEN</c> (+ <c>RAVI_REFRESH_TOKEN</c>), then <c>$RAVI_CONFIG_DIR/auth.json</c>
/// (or <see cref="RaviClientOptions.ConfigDirectory"/>), then <c>~/.ravi/auth.json</c>. Until something is found every call
/// runs the chain again, so a client started before <c>ravi login</c> (or while the CLI was rewriting the file) signs in as
/// soon as the file is there. Rotations go back to the file the tokens came from; a new login goes to the configured
/// directory, else <c>~/.ravi</c>; a logout is final for this client. Thread-safe.
/// </summary>
internal sealed class RaviCliCredential : IRaviCredential
{
    private readonly RaviClientSettings _options;
    private readonly RaviEnvironment _environment;
    private readonly ILogger _logger;
    private RaviCredential? _current;
    private int _signedOut;
    private int _reportedNone;

    public RaviCliCredential(RaviClientSettings options, RaviEnvironment environment, ILogger logger)
    {
        _options = options;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>The credential found (or created by a login), or <see langword="null"/> while there is none.</summary>
    public RaviCredential? Current => Volatile.Read(ref _current);

    /// <inheritdoc/>
    public ValueTask<RaviTokens?> GetTokenAsync(CancellationToken cancellationToken = default) =>
        Current is { } current ? current.GetTokenAsync(cancellationToken) : ResolveThenGetAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<RaviTokens> RefreshAsync(RaviTokens rejected, RaviTokenRefreshCallback refresh, CancellationToken cancellationToken = default) =>
        RefreshAsync(rejected, refresh, _logger, new RaviTokenClock(_options.TimeProvider, _options.TokenRefreshSkew), cancellationToken);

    /// <summary>Renews through the credential found, logging its renewal to <paramref name="logger"/> and judging stored tokens by <paramref name="clock"/> (the calling client's).</summary>
    internal async ValueTask<RaviTokens> RefreshAsync(RaviTokens rejected, RaviTokenRefreshCallback refresh, ILogger? logger, RaviTokenClock clock, CancellationToken cancellationToken)
    {
        var current = Current ?? await ResolveAsync(cancellationToken).ConfigureAwait(false);
        return current is null
            ? throw RaviAuthErrors.CannotRefresh(staticApiKey: false)
            : await current.RefreshAsync(rejected, refresh, logger, clock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A login saves to the configured directory (<see cref="RaviClientOptions.ConfigDirectory"/> or <c>RAVI_CONFIG_DIR</c>),
    /// else <c>~/.ravi</c>; when it cannot be saved the tokens are kept in memory only and the failure is thrown. A logout
    /// clears the file the tokens came from (if it still holds them) and stops this client from reading the files again.
    /// </summary>
    /// <inheritdoc/>
    public async ValueTask UpdateAsync(RaviTokens? tokens, CancellationToken cancellationToken = default)
    {
        if (tokens is null)
        {
            Volatile.Write(ref _signedOut, 1);
            var previous = Interlocked.Exchange(ref _current, null);
            if (previous is not null)
            {
                await previous.UpdateAsync(null, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var target = RaviCliConfiguration.ExplicitDirectory(_options, _environment) ?? RaviCliConfiguration.HomeDirectory(_environment);
        var login = new RaviCredential(tokens, target is null ? null : RaviCliTokenStore.ForDirectory(target));
        Volatile.Write(ref _current, login);
        Volatile.Write(ref _signedOut, 0);
        try
        {
            await login.UpdateAsync(tokens, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviTokenStoreException)
        {
            // Keep the session in memory without a store: renewals must not keep trying (and failing) to write that file.
            var memoryOnly = new RaviCredential(tokens, null);
            Interlocked.CompareExchange(ref _current, memoryOnly, login);
            throw;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"RaviCliCredential {{ Current = {Current?.ToString() ?? "none yet"} }}";

    private async ValueTask<RaviTokens?> ResolveThenGetAsync(CancellationToken cancellationToken)
    {
        var current = await ResolveAsync(cancellationToken).ConfigureAwait(false);
        return current is null ? null : await current.GetTokenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the chain once; publishes and returns what it found (the first publisher wins), or null.</summary>
    private async Task<RaviCredential?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _signedOut) != 0)
        {
            return Current;
        }

        if (Nonempty(_environment.GetEnvironmentVariable(RaviCliConfiguration.AccessTokenVariable)) is { } access)
        {
            return Publish(new RaviCredential(access, Nonempty(_environment.GetEnvironmentVariable(RaviCliConfiguration.RefreshTokenVariable))), RaviCliConfiguration.AccessTokenVariable);
        }

        foreach (var directory in RaviCliConfiguration.TokenDirectories(_options, _environment))
        {
            var store = RaviCliTokenStore.ForDirectory(directory);
            var read = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
            switch (read.Status)
            {
                case RaviCliFileStatus.Missing:
                    continue;
                case RaviCliFileStatus.Incomplete:
                    // Present but not (yet) complete — the CLI rewrites it in place: wait for it rather than fall through to
                    // another file (and possibly another account). The next call reads it again.
                    RaviAuthLog.IgnoredFile(_logger, store.FilePath, (read.Problem ?? "incomplete") + "; it is read again on the next call");
                    return null;
                case RaviCliFileStatus.Unreadable:
                    RaviAuthLog.IgnoredFile(_logger, store.FilePath, read.Problem ?? "unreadable");
                    continue;
            }

            if (read.AuthFile?.ToTokens() is not { } tokens)
            {
                continue; // no token in it (e.g. only the CLI's keys): the next file may have one
            }

            if (store.LoosePermissions() is { } mode)
            {
                RaviAuthLog.FileTooOpen(_logger, store.FilePath, mode);
            }

            return Publish(new RaviCredential(tokens, store), store.FilePath);
        }

        if (Interlocked.Exchange(ref _reportedNone, 1) == 0)
        {
            RaviAuthLog.CredentialSource(_logger, "none yet (RAVI_ACCESS_TOKEN is unset and no auth.json holds a token; looking again on each call)");
        }

        return null;
    }

    private RaviCredential Publish(RaviCredential found, string source)
    {
        var winner = Interlocked.CompareExchange(ref _current, found, null);
        if (winner is not null)
        {
            return winner;
        }

        RaviAuthLog.CredentialSource(_logger, source);
        return found;
    }

    private static string? Nonempty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

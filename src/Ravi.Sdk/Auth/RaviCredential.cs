using Microsoft.Extensions.Logging;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// The SDK's credential: an access token (JWT or static API key) with an optional refresh token and an optional
/// <see cref="IRaviTokenStore"/> that persists rotations. Renewal is single-flight: any number of concurrent callers that
/// saw the same rejected token share one refresh call. With a store, the refresh runs under the store's lock and is a
/// compare-and-swap: if another process already rotated the tokens, they are adopted instead of spending the (single-use)
/// refresh token again. Stored tokens are adopted only when they could be usable: a JWT access token whose <c>exp</c> (less
/// the refresh skew) has passed is renewed instead — with our refresh token when the stored tokens are older than ours (a
/// lost update by a writer that ignores the lock, such as the CLI), else with the store's, falling back to ours when the
/// server rejects it; each refresh token goes on the wire at most once. When an adopted opaque access token (no <c>exp</c>)
/// turns out to be expired too, the refresh token found in the store renews it. A store that holds no tokens yet is asked
/// again on the next call.
/// Static API keys (<c>ravi_mgmt_…</c>, <c>ravi_id_…</c>) are never refreshed.
/// Thread-safe; <see cref="ToString"/> never shows a token.
/// </summary>
public sealed class RaviCredential : IRaviCredential
{
    private readonly Lock _sync = new();
    private RaviTokens? _tokens;
    private bool _loaded;
    private Task? _loadTask;
    private Task<RaviTokens>? _refreshTask;
    private readonly string?[] _rejectedRefreshTokens = new string?[4]; // the last few the server refused (under _sync)
    private int _nextRejected;
    private RaviTokens? _adopted;

    /// <summary>Creates an in-memory credential from tokens (or a static API key with no refresh token).</summary>
    /// <param name="accessToken">The access token (JWT) or API key.</param>
    /// <param name="refreshToken">The refresh token, if any; enables automatic renewal.</param>
    /// <exception cref="ArgumentException"><paramref name="accessToken"/> is empty.</exception>
    public RaviCredential(string accessToken, string? refreshToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _tokens = new RaviTokens { AccessToken = accessToken, RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken };
        _loaded = true;
    }

    /// <summary>
    /// Creates a credential backed by a store: the tokens are read from it on first use (and on every later use until it holds
    /// some, e.g. while another process is still writing it) and rotations are written back.
    /// </summary>
    /// <param name="store">The token store, e.g. <see cref="RaviCliTokenStore"/>.</param>
    public RaviCredential(IRaviTokenStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
    }

    /// <summary>Creates a credential with known tokens that persists rotations and logins to <paramref name="store"/>.</summary>
    /// <param name="tokens">The current tokens, or <see langword="null"/> when signed out.</param>
    /// <param name="store">Where renewals and logins are saved; <see langword="null"/> for memory only.</param>
    public RaviCredential(RaviTokens? tokens, IRaviTokenStore? store)
    {
        _tokens = tokens;
        Store = store;
        _loaded = true;
    }

    /// <summary>The store rotations are persisted to, if any.</summary>
    public IRaviTokenStore? Store { get; }

    /// <summary>Whether the current token can be renewed (it has a refresh token and is not a static API key).</summary>
    public bool CanRefresh => Volatile.Read(ref _tokens) is { } t && RaviJwt.CanRefresh(t);

    /// <summary>Creates a credential for a static API key (<c>ravi_mgmt_…</c>, <c>ravi_id_…</c>): it is never refreshed.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <returns>The credential.</returns>
    public static RaviCredential FromApiKey(string apiKey) => new(apiKey);

    /// <summary>Creates a signed-out credential that a login (device flow, password) fills and saves to <paramref name="store"/>.</summary>
    /// <param name="store">Where a login is saved; <see langword="null"/> for memory only.</param>
    /// <returns>The credential.</returns>
    public static RaviCredential SignedOut(IRaviTokenStore? store = null) => new((RaviTokens?)null, store);

    /// <summary>Returns the current tokens (read from the store on first use when the credential has one), or <see langword="null"/> when signed out.</summary>
    /// <param name="cancellationToken">Cancels waiting for the first read of the store.</param>
    /// <returns>The tokens, or <see langword="null"/>.</returns>
    /// <exception cref="RaviTokenStoreException">The store could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<RaviTokens?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _loaded))
        {
            return new(Volatile.Read(ref _tokens));
        }

        return LoadThenGetAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<RaviTokens> RefreshAsync(RaviTokens rejected, RaviTokenRefreshCallback refresh, CancellationToken cancellationToken = default) =>
        RefreshAsync(rejected, refresh, null, RaviTokenClock.System, cancellationToken);

    /// <summary>
    /// <see cref="RefreshAsync(RaviTokens, RaviTokenRefreshCallback, CancellationToken)"/>, logging what the renewal it starts
    /// does (adopting another process's tokens, a store that cannot be written) to the calling client's
    /// <paramref name="logger"/>, and judging stored tokens by the calling client's <paramref name="clock"/>. The credential
    /// keeps neither: it may be shared by clients that log to different places.
    /// </summary>
    internal async ValueTask<RaviTokens> RefreshAsync(RaviTokens rejected, RaviTokenRefreshCallback refresh, ILogger? logger, RaviTokenClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(refresh);
        await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        Task<RaviTokens> task;
        lock (_sync)
        {
            var current = _tokens;
            if (current is not null && !string.Equals(current.AccessToken, rejected.AccessToken, StringComparison.Ordinal))
            {
                return current; // someone renewed it already: reuse that result
            }

            if (_refreshTask is null || _refreshTask.IsCompleted)
            {
                _refreshTask = RefreshCoreAsync(current ?? rejected, refresh, logger, clock);
            }

            task = _refreshTask;
        }

        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the tokens after a login (or clears them on logout), then persists the change under the store's lock. A logout
    /// removes the stored tokens only while they are still the ones this credential had (another process may have signed in
    /// since); a logout of a credential that never had tokens touches nothing.
    /// </summary>
    /// <param name="tokens">The new tokens, or <see langword="null"/> to sign out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored.</returns>
    /// <exception cref="RaviTokenStoreException">The change could not be stored; the credential holds the new tokens in memory all the same.</exception>
    public async ValueTask UpdateAsync(RaviTokens? tokens, CancellationToken cancellationToken = default)
    {
        var previous = Replace(tokens);
        if (Store is null || (tokens is null && previous is null))
        {
            return;
        }

        try
        {
            var held = await Store.AcquireLockAsync(cancellationToken).ConfigureAwait(false);
            await using (held.ConfigureAwait(false))
            {
                if (tokens is not null)
                {
                    await Store.SaveAsync(tokens, cancellationToken).ConfigureAwait(false);
                }
                else if (await TryLoadAsync().ConfigureAwait(false) is not { } stored || SameSession(stored, previous!))
                {
                    await Store.ClearAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RaviTokenStoreException($"The Ravi tokens could not be {(tokens is null ? "removed from" : "saved to")} {Store} ({ex.GetType().Name}).", (Store as RaviCliTokenStore)?.FilePath, ex);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"RaviCredential {{ Signed in = {Volatile.Read(ref _tokens) is not null}, CanRefresh = {CanRefresh}, Store = {Store?.ToString() ?? "none"} }}";

    /// <summary>Takes <paramref name="tokens"/> in memory (no store I/O) and returns the previous ones.</summary>
    internal RaviTokens? Replace(RaviTokens? tokens)
    {
        lock (_sync)
        {
            var previous = _tokens;
            _tokens = tokens;
            _loaded = true;
            Array.Clear(_rejectedRefreshTokens);
            _adopted = null;
            return previous;
        }
    }

    /// <summary>
    /// Whether <paramref name="tokens"/> were adopted from the store (another process's rotation) and have not been renewed
    /// since: a 401 with them means the store's access token expired too, and its refresh token should be used.
    /// </summary>
    internal bool IsUnconfirmedAdoption(RaviTokens tokens) => ReferenceEquals(Volatile.Read(ref _adopted), tokens);

    private static bool SameSession(RaviTokens stored, RaviTokens previous) =>
        string.Equals(stored.AccessToken, previous.AccessToken, StringComparison.Ordinal) ||
        (stored.RefreshToken is not null && string.Equals(stored.RefreshToken, previous.RefreshToken, StringComparison.Ordinal));

    private async ValueTask<RaviTokens?> LoadThenGetAsync(CancellationToken cancellationToken)
    {
        Task load;
        lock (_sync)
        {
            load = _loadTask ??= LoadFromStoreAsync();
        }

        await load.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Volatile.Read(ref _tokens);
    }

    private async Task LoadFromStoreAsync()
    {
        await Task.Yield();
        RaviTokens? stored;
        try
        {
            stored = await Store!.LoadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RaviException and not OperationCanceledException)
        {
            ResetLoad();
            throw new RaviTokenStoreException($"The Ravi tokens could not be read from {Store} ({ex.GetType().Name}).", (Store as RaviCliTokenStore)?.FilePath, ex);
        }
        catch
        {
            ResetLoad();
            throw;
        }

        lock (_sync)
        {
            if (!_loaded)
            {
                if (stored is null)
                {
                    _loadTask = null; // nothing there yet (or it is being written): ask the store again next time
                }
                else
                {
                    _tokens = stored;
                    _loaded = true;
                }
            }
        }
    }

    private void ResetLoad()
    {
        lock (_sync)
        {
            _loadTask = null;
        }
    }

    private async Task<RaviTokens> RefreshCoreAsync(RaviTokens basis, RaviTokenRefreshCallback refresh, ILogger? logger, RaviTokenClock clock)
    {
        // Run outside the caller's lock and context; shared by every waiter, so no single caller's token cancels it.
        await Task.Yield();
        IAsyncDisposable? held = null;
        try
        {
            RaviTokens? stored = null;
            if (Store is not null)
            {
                try
                {
                    held = await Store.AcquireLockAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (RaviTokenStoreException ex)
                {
                    // A read-only directory: the refresh still works, only saving it will not.
                    if (logger is { } l)
                    {
                        RaviAuthLog.StoreWriteFailed(l, ex.GetType().Name);
                    }
                }

                stored = await TryLoadAsync().ConfigureAwait(false);
                if (stored is not null &&
                    (!string.Equals(stored.AccessToken, basis.AccessToken, StringComparison.Ordinal) ||
                     !string.Equals(stored.RefreshToken, basis.RefreshToken, StringComparison.Ordinal)))
                {
                    if (!clock.IsExpired(stored.AccessToken))
                    {
                        // Compare-and-swap lost: another process rotated the tokens. Adopt them rather than burning ours.
                        return Adopt(basis, stored, logger);
                    }

                    // The stored access token is a JWT that has expired: adopting it would only earn a 401. Renew instead.
                }
                else
                {
                    stored = null; // the store holds what we hold: nothing to choose between
                }
            }

            var (first, second) = RefreshTokensToTry(basis, stored);
            if (first is null)
            {
                throw RaviAuthErrors.CannotRefresh(RaviJwt.IsStaticApiKey(basis.AccessToken));
            }

            RaviTokens fresh;
            try
            {
                fresh = await RenewAsync(first, refresh).ConfigureAwait(false);
            }
            catch (RaviAuthenticationException ex) when (second is not null && WasRefused(ex))
            {
                fresh = await RenewAsync(second, refresh).ConfigureAwait(false); // the server refused the store's: try ours, once
            }

            // The same account: saving it back to the file it came from is checked against that file's user_email.
            fresh = fresh with { User = fresh.User ?? basis.User ?? stored?.User };

            var published = PublishIfUnchanged(basis, fresh);
            if (!ReferenceEquals(published, fresh))
            {
                return published; // a login replaced the tokens while this refresh ran: keep the login's
            }

            if (Store is not null)
            {
                try
                {
                    await Store.SaveAsync(fresh, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RaviTokenStoreException)
                {
                    // The renewed tokens still work in memory; only persistence failed.
                    if (logger is { } l)
                    {
                        RaviAuthLog.StoreWriteFailed(l, ex.GetType().Name);
                    }
                }
            }

            return fresh;
        }
        finally
        {
            if (held is not null)
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private RaviTokens Adopt(RaviTokens basis, RaviTokens stored, ILogger? logger)
    {
        var adopted = stored with { User = stored.User ?? basis.User };
        var current = PublishIfUnchanged(basis, adopted);
        if (ReferenceEquals(current, adopted))
        {
            Volatile.Write(ref _adopted, adopted);
        }

        if (logger is { } l)
        {
            var where = Store?.ToString() ?? "store";
            RaviAuthLog.TokensAdopted(l, where);
        }

        return current;
    }

    /// <summary>
    /// The refresh tokens to renew with, in order, when <paramref name="stored"/> (if not null) differs from <paramref name="basis"/>
    /// and holds an expired JWT: ours first when the stored tokens are older than ours (their access token expires earlier —
    /// a lost update: their refresh token has most likely been spent), else the store's (the file's latest: ours has most
    /// likely been rotated by whoever wrote it) and ours second. Tokens the server has refused are left out.
    /// </summary>
    private (string? First, string? Second) RefreshTokensToTry(RaviTokens basis, RaviTokens? stored)
    {
        var ours = RaviJwt.CanRefresh(basis) ? basis.RefreshToken : null;
        var theirs = stored is not null && RaviJwt.CanRefresh(stored) && !string.Equals(stored.RefreshToken, ours, StringComparison.Ordinal)
            ? stored.RefreshToken
            : null;
        if (theirs is not null && ours is not null && IsOlder(stored!, basis))
        {
            theirs = null;
        }

        lock (_sync)
        {
            ours = IsRefused(ours) ? null : ours;
            theirs = IsRefused(theirs) ? null : theirs;
        }

        if (ours is null && theirs is null && (RaviJwt.CanRefresh(basis) || (stored is not null && RaviJwt.CanRefresh(stored))))
        {
            throw RaviAuthErrors.RefreshRejected(null); // every candidate was refused before: never send one again
        }

        return theirs is null ? (ours, null) : (theirs, ours);
    }

    private static bool IsOlder(RaviTokens stored, RaviTokens basis) =>
        RaviJwt.TryGetExpiry(stored.AccessToken) is { } theirs && RaviJwt.TryGetExpiry(basis.AccessToken) is { } ours && theirs < ours;

    /// <summary>
    /// Whether the server answered the refresh and refused the token — not a refresh whose outcome is unknown (sent, then the
    /// connection failed), after which another token must not be tried: the server may have rotated the first one.
    /// </summary>
    private static bool WasRefused(RaviAuthenticationException ex) => ex.Code is not "refresh_token_spent";

    private async Task<RaviTokens> RenewAsync(string refreshToken, RaviTokenRefreshCallback refresh)
    {
        RaviTokens fresh;
        try
        {
            fresh = await refresh(refreshToken, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RaviAuthenticationException)
        {
            lock (_sync)
            {
                _rejectedRefreshTokens[_nextRejected] = refreshToken;
                _nextRejected = (_nextRejected + 1) % _rejectedRefreshTokens.Length;
            }

            throw;
        }

        return string.IsNullOrEmpty(fresh.RefreshToken) ? fresh with { RefreshToken = refreshToken } : fresh; // the server did not rotate it
    }

    private bool IsRefused(string? refreshToken) =>
        refreshToken is not null && Array.IndexOf(_rejectedRefreshTokens, refreshToken) >= 0;

    private async Task<RaviTokens?> TryLoadAsync()
    {
        try
        {
            return await Store!.LoadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RaviTokenStoreException)
        {
            return null;
        }
    }

    /// <summary>Installs <paramref name="tokens"/> unless the current tokens changed since <paramref name="basis"/> (e.g. a login); returns what is current.</summary>
    private RaviTokens PublishIfUnchanged(RaviTokens basis, RaviTokens tokens)
    {
        lock (_sync)
        {
            if (_tokens is not null && !string.Equals(_tokens.AccessToken, basis.AccessToken, StringComparison.Ordinal))
            {
                return _tokens;
            }

            _tokens = tokens;
            _loaded = true;
            return tokens;
        }
    }
}

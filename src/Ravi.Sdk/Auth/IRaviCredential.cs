using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// Supplies the bearer credential of a <see cref="RaviClient"/> and renews it. The SDK's <see cref="RaviCredential"/>
/// covers tokens from options, environment variables and the CLI's <c>auth.json</c>; implement this interface to take
/// tokens from somewhere else (a secret manager, another process…). Implementations must be thread-safe.
/// Set it through <see cref="RaviClientOptions.Credential"/>.
/// </summary>
public interface IRaviCredential
{
    /// <summary>Returns the current tokens, or <see langword="null"/> when not signed in. Called before every request: keep it cheap.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens to send, or <see langword="null"/>.</returns>
    /// <exception cref="RaviTokenStoreException">A credential backed by a store could not read it (the call that needed the token fails).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<RaviTokens?> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Renews the credential after the server rejected <paramref name="rejected"/> (HTTP 401) or when it is about to expire.
    /// Concurrent callers with the same rejected token must share one renewal; when the current token already differs
    /// from <paramref name="rejected"/>, return the current one without calling <paramref name="refresh"/>.
    /// </summary>
    /// <param name="rejected">The tokens that were rejected or are expiring.</param>
    /// <param name="refresh">Calls <c>POST /api/auth/token/refresh/</c> through the client's transport.</param>
    /// <param name="cancellationToken">Stops this caller waiting (a renewal shared with others keeps going).</param>
    /// <returns>The tokens to use from now on.</returns>
    /// <exception cref="RaviAuthenticationException">The credential cannot be renewed: sign in again.</exception>
    ValueTask<RaviTokens> RefreshAsync(RaviTokens rejected, RaviTokenRefreshCallback refresh, CancellationToken cancellationToken = default);

    /// <summary>Replaces the tokens after a login (or clears them on logout when <paramref name="tokens"/> is <see langword="null"/>), persisting the change if the credential has a store.</summary>
    /// <param name="tokens">The new tokens, or <see langword="null"/> to sign out.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is stored.</returns>
    /// <exception cref="RaviTokenStoreException">The change could not be stored (the credential should hold the new tokens in memory all the same).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask UpdateAsync(RaviTokens? tokens, CancellationToken cancellationToken = default);
}

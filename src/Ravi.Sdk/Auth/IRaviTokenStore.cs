using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// Where a <see cref="RaviCredential"/> keeps its tokens between runs (and shares them with other processes):
/// <see cref="RaviCliTokenStore"/> is the official CLI's <c>auth.json</c>; <see cref="RaviInMemoryTokenStore"/> keeps nothing on disk.
/// </summary>
public interface IRaviTokenStore
{
    /// <summary>Reads the stored tokens, or <see langword="null"/> when there are none.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, or <see langword="null"/>.</returns>
    /// <exception cref="RaviTokenStoreException">The store exists but cannot be read (a store may return <see langword="null"/> instead, as <see cref="RaviCliTokenStore"/> does).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<RaviTokens?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores tokens (atomically, replacing the previous ones). Does not take the lock: see <see cref="AcquireLockAsync"/>.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tokens are stored.</returns>
    /// <exception cref="RaviTokenStoreException">Nothing was stored (not writable, or it belongs to another account).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask SaveAsync(RaviTokens tokens, CancellationToken cancellationToken = default);

    /// <summary>Removes the stored tokens.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tokens are gone.</returns>
    /// <exception cref="IOException">The stored tokens could not be removed.</exception>
    /// <exception cref="UnauthorizedAccessException">The store is not writable by this user.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes an exclusive lock over the store (across processes for file stores) for a read-refresh-write sequence, so two
    /// processes never both spend the same single-use refresh token. Dispose the result to release it. The default does nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The held lock.</returns>
    /// <exception cref="RaviTokenStoreException">The lock cannot be taken (for a file store: the lock file cannot be created or opened).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default) => new(RaviNoLock.Instance);
}

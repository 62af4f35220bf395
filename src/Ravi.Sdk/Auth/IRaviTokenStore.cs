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
    ValueTask<RaviTokens?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores tokens (atomically, replacing the previous ones). Does not take the lock: see <see cref="AcquireLockAsync"/>.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tokens are stored.</returns>
    ValueTask SaveAsync(RaviTokens tokens, CancellationToken cancellationToken = default);

    /// <summary>Removes the stored tokens.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tokens are gone.</returns>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes an exclusive lock over the store (across processes for file stores) for a read-refresh-write sequence, so two
    /// processes never both spend the same single-use refresh token. Dispose the result to release it. The default does nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The held lock.</returns>
    ValueTask<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken = default) => new(RaviNoLock.Instance);
}

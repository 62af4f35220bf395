using System.Runtime.CompilerServices;

namespace Ravi.Sdk;

/// <summary>
/// A list that may take several requests: enumerate it with <c>await foreach</c> for every item (pages are fetched as you
/// go), or call <see cref="AsPages(string?, int?)"/> to work a page at a time, with the response of each page and a
/// continuation token to resume later. Nothing is sent until you enumerate; each enumeration starts a new listing.
/// </summary>
/// <remarks>
/// One enumeration follows at most <see cref="RaviClientOptions.MaxPages"/> pages, then ends with
/// <see cref="RaviPageLimitException"/>, whose <see cref="RaviPageLimitException.ContinuationToken"/> resumes it.
/// Derive from this class, or use <see cref="RaviAsyncPageable.FromPages{T}"/> and <see cref="RaviAsyncPageable.FromValues{T}"/>,
/// to fake a list in tests.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public abstract class RaviAsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Constructor for derived types (fakes and the SDK's own listings).</summary>
    protected RaviAsyncPageable()
    {
    }

    /// <summary>Enumerates the list a page at a time. Each page is one request (enumeration is lazy).</summary>
    /// <param name="continuationToken">
    /// <see langword="null"/> to start from the first page, or a <see cref="RaviPage{T}.ContinuationToken"/> of this same
    /// listing to continue after that page.
    /// </param>
    /// <param name="pageSizeHint">
    /// How many items to ask for per page, where the API pages (email messages: sent as <c>limit</c>, at most 200); other
    /// lists come as one page and ignore it. Null for the server's default.
    /// </param>
    /// <returns>The pages, in order.</returns>
    /// <exception cref="ArgumentException">The token is not one of this listing's (another list, another origin, malformed).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSizeHint"/> is zero or negative.</exception>
    /// <exception cref="RaviPageLimitException">The listing went on past <see cref="RaviClientOptions.MaxPages"/> pages.</exception>
    /// <exception cref="RaviApiException">The API refused a page or sent an invalid one.</exception>
    /// <exception cref="RaviConnectionException">A page could not be fetched (network failure after the retries).</exception>
    /// <exception cref="RaviRequestTimeoutException">A page request timed out.</exception>
    public abstract IAsyncEnumerable<RaviPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates every item, fetching pages as needed.</summary>
    /// <param name="cancellationToken">Stops the enumeration (together with the token the list was created with).</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var values = page.Values; // by index: no boxed enumerator per page
            for (var i = 0; i < values.Count; i++)
            {
                yield return values[i];
            }
        }
    }

    internal sealed class StaticPageable : RaviAsyncPageable<T>
    {
        private readonly List<RaviPage<T>> _pages;

        public StaticPageable(List<RaviPage<T>> pages) => _pages = pages;

        public override IAsyncEnumerable<RaviPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            if (pageSizeHint is { } hint)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hint, nameof(pageSizeHint));
            }

            var start = 0;
            if (continuationToken is not null)
            {
                start = _pages.FindIndex(p => string.Equals(p.ContinuationToken, continuationToken, StringComparison.Ordinal)) + 1;
                if (start == 0)
                {
                    throw new ArgumentException("The continuation token is not one of this list's.", nameof(continuationToken));
                }
            }

            return Read(start);
        }

        private async IAsyncEnumerable<RaviPage<T>> Read(int start, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = start; i < _pages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return _pages[i];
            }
        }
    }
}

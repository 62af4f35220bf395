namespace Ravi.Sdk;

/// <summary>
/// A list kept handing out <c>next</c> page links past <see cref="RaviClientOptions.MaxPages"/>: the SDK stopped following
/// them (a server that never stops paginating would otherwise keep the enumeration going forever). The items of the pages
/// read before were delivered. Raise <see cref="RaviClientOptions.MaxPages"/> if the collection really is that large, or
/// continue the same listing with <see cref="RaviAsyncPageable{T}.AsPages(string?, int?)"/> and <see cref="ContinuationToken"/>.
/// </summary>
public sealed class RaviPageLimitException : RaviException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="maxPages">The page cap that was reached.</param>
    /// <param name="continuationToken">The token of the first page not read, or null.</param>
    public RaviPageLimitException(string message, int maxPages, string? continuationToken = null)
        : base(message)
    {
        MaxPages = maxPages;
        ContinuationToken = continuationToken;
    }

    /// <summary>The page cap that was reached (<see cref="RaviClientOptions.MaxPages"/>).</summary>
    public int MaxPages { get; }

    /// <summary>Resumes the listing at the first page not read (pass it to <see cref="RaviAsyncPageable{T}.AsPages(string?, int?)"/>); null when unknown.</summary>
    public string? ContinuationToken { get; }
}

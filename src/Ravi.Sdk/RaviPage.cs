namespace Ravi.Sdk;

/// <summary>
/// One page of a list, from <see cref="RaviAsyncPageable{T}.AsPages(string?, int?)"/>: its values, the token that resumes
/// the listing after it, and the status and headers of the response it came from.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class RaviPage<T>
{
    /// <summary>Creates a page (for fakes and tests; the SDK builds its own).</summary>
    /// <param name="values">The page's items.</param>
    /// <param name="continuationToken">The token of the next page, or null when this is the last one.</param>
    /// <param name="rawResponse">The response the page came from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or <paramref name="rawResponse"/> is null.</exception>
    public RaviPage(IReadOnlyList<T> values, string? continuationToken, RaviResponse rawResponse)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rawResponse);
        Values = values;
        ContinuationToken = string.IsNullOrEmpty(continuationToken) ? null : continuationToken;
        RawResponse = rawResponse;
    }

    /// <summary>The items of this page (after the SDK's own filters, e.g. unread only: it may be empty).</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Pass it to <see cref="RaviAsyncPageable{T}.AsPages(string?, int?)"/> of the same listing to continue after this page
    /// (e.g. in another process); null on the last page. Treat it as opaque: it is only accepted by the listing it came from,
    /// on the client's own API origin.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>The status and headers of the response this page came from.</summary>
    public RaviResponse RawResponse { get; }

    /// <inheritdoc/>
    public override string ToString() => $"RaviPage {{ Values = {Values.Count}, HasMore = {ContinuationToken is not null} }}";
}

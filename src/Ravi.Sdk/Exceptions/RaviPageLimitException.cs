namespace Ravi.Sdk;

/// <summary>
/// A list kept handing out <c>next</c> page links past <see cref="RaviClientOptions.MaxPages"/>: the SDK stopped following
/// them (a server that never stops paginating would otherwise keep the enumeration going forever). The items of the pages
/// read before were delivered. Raise <see cref="RaviClientOptions.MaxPages"/> if the collection really is that large.
/// </summary>
public sealed class RaviPageLimitException : RaviException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="maxPages">The page cap that was reached.</param>
    public RaviPageLimitException(string message, int maxPages)
        : base(message)
    {
        MaxPages = maxPages;
    }

    /// <summary>The page cap that was reached (<see cref="RaviClientOptions.MaxPages"/>).</summary>
    public int MaxPages { get; }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Ravi.Sdk.Diagnostics;

namespace Ravi.Sdk.Http;

/// <summary>
/// A list endpoint as a <see cref="RaviAsyncPageable{T}"/>: pages a bare JSON array (one page) or
/// <c>{count,next,previous,results}</c> pages, following <c>next</c> links on the API origin only, at most
/// <see cref="RaviClientOptions.MaxPages"/> per enumeration. The continuation token of a page is the absolute URL of the
/// next one; a token handed back is accepted only for this listing's path on the client's origin, so a resumed listing
/// cannot leave the API or read another list.
/// </summary>
/// <typeparam name="TWire">What the JSON items deserialize to.</typeparam>
/// <typeparam name="T">What the caller gets (the same type, or a model made from it).</typeparam>
internal sealed class RaviListing<TWire, T> : RaviAsyncPageable<T>
{
    /// <summary>The largest <c>limit</c> the API accepts.</summary>
    public const int MaxPageSize = 200;

    private readonly RaviPipeline _pipeline;
    private readonly string _relativePath;
    private readonly IdentityScope _scope;
    private readonly string? _identityUuid;
    private readonly JsonTypeInfo<TWire> _typeInfo;
    private readonly Func<TWire, T>? _select;
    private readonly Func<T, bool>? _filter;
    private readonly bool _pagesBySize;
    private readonly RaviRequestOptions? _requestOptions;
    private readonly CancellationToken _cancellationToken;
    private readonly string _callerFile;
    private readonly string _callerMember;

    /// <param name="pipeline">The pipeline the page requests are built and sent by.</param>
    /// <param name="relativePath">The list path under the base address, with its query (e.g. <c>api/email-messages/?unread=true</c>).</param>
    /// <param name="scope">Whether the endpoint is identity-scoped.</param>
    /// <param name="identityUuid">The view's identity.</param>
    /// <param name="typeInfo">How to read an item.</param>
    /// <param name="select">Turns a wire item into the caller's (null to leave it out); null when the wire item is the caller's.</param>
    /// <param name="filter">Keeps an item (a client-side filter); null to keep every item.</param>
    /// <param name="pagesBySize">Whether the endpoint pages with <c>limit</c>/<c>offset</c> (page size hints become <c>limit</c>).</param>
    /// <param name="requestOptions">The call's options, applied to every page request.</param>
    /// <param name="cancellationToken">The token the list was created with (linked with the enumerator's).</param>
    /// <param name="callerFile">The sub-client's source file, which names the operation's span (<c>Ravi.Phone.List</c>).</param>
    /// <param name="callerMember">The sub-client method that created the list.</param>
    public RaviListing(RaviPipeline pipeline, string relativePath, IdentityScope scope, string? identityUuid, JsonTypeInfo<TWire> typeInfo,
        Func<TWire, T>? select, Func<T, bool>? filter, bool pagesBySize, string callerFile, string callerMember, RaviRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        _callerFile = callerFile;
        _callerMember = callerMember;
        _pipeline = pipeline;
        _relativePath = relativePath;
        _scope = scope;
        _identityUuid = identityUuid;
        _typeInfo = typeInfo;
        _select = select;
        _filter = filter;
        _pagesBySize = pagesBySize;
        _requestOptions = requestOptions;
        _cancellationToken = cancellationToken;
    }

    private string PathOnly => _relativePath.Split('?', 2)[0];

    /// <inheritdoc/>
    public override IAsyncEnumerable<RaviPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is { } hint)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hint, nameof(pageSizeHint));
        }

        var limit = _pagesBySize && pageSizeHint is { } size ? Math.Min(size, MaxPageSize) : (int?)null;
        var start = continuationToken is null ? new Uri(_pipeline.BaseAddress, _relativePath) : Resume(continuationToken);
        return ReadAsync(limit is { } l ? WithLimit(start, l) : start, limit);
    }

    /// <summary>Checks a continuation token handed back by a caller: it must be a page of this listing on the API origin.</summary>
    private Uri Resume(string continuationToken)
    {
        var expected = new Uri(_pipeline.BaseAddress, PathOnly);
        if (!Uri.TryCreate(continuationToken, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) ||
            uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ArgumentException("The continuation token is not one the SDK issued (expected the URL of a page).", nameof(continuationToken));
        }

        if (!RaviOrigin.IsSame(uri, _pipeline.BaseAddress))
        {
            throw new ArgumentException(
                $"The continuation token points to {uri.GetLeftPart(UriPartial.Authority)}, not to this client's API ({_pipeline.BaseAddress.GetLeftPart(UriPartial.Authority)}): refusing it (the bearer token would go there).",
                nameof(continuationToken));
        }

        if (!string.Equals(uri.AbsolutePath, expected.AbsolutePath, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The continuation token belongs to another listing ({uri.AbsolutePath}), not to GET {expected.AbsolutePath}.", nameof(continuationToken));
        }

        return uri;
    }

    private async IAsyncEnumerable<RaviPage<T>> ReadAsync(Uri start, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var listToken = cancellationToken.CanBeCanceled && _cancellationToken.CanBeCanceled && cancellationToken != _cancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken)
            : null;
        using var call = RaviCallOptions.Link(_requestOptions, listToken?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken));
        var token = call.Token;

        // The span lasts the whole enumeration; each page's request runs under it (the iterator resumes on its consumer's context).
        using var operation = RaviOperation.StartForCaller(_callerFile, _callerMember, _pipeline.BaseAddress);
        var maxPages = _pipeline.Settings.MaxPages;
        var seen = new PagesSeen();
        Uri? next = start;
        while (next is not null)
        {
            if (seen.Count == maxPages)
            {
                throw new RaviPageLimitException(
                    $"GET /{PathOnly} still had a 'next' page after {maxPages} pages (RaviClientOptions.MaxPages); the SDK stopped " +
                    "following it (a server that never stops paginating would keep the list going forever). Raise MaxPages if the " +
                    "collection really is that large, or continue with AsPages(exception.ContinuationToken).",
                    maxPages,
                    next.AbsoluteUri);
            }

            seen.Add(next);
            operation.Resume();
            ListPage<TWire> page;
            RaviResponse response;
            try
            {
                (page, response) = await ReadPageAsync(next, token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                operation.Fail(ex, token);
                throw;
            }
            RaviException? badLink = null;
            try
            {
                next = ResolveNext(page.Next);
            }
            catch (RaviException ex)
            {
                badLink = ex; // the page's items still count: deliver them, then refuse to follow the link
                next = null;
            }

            if (next is not null && limit is { } l)
            {
                next = WithLimit(next, l);
            }

            if (next is not null && seen.Contains(next))
            {
                next = null; // a server that points back at a page already read would loop forever
            }

            yield return new RaviPage<T>(Select(page.Items), next?.AbsoluteUri, response);
            if (badLink is not null)
            {
                throw badLink;
            }
        }
    }

    /// <summary>
    /// Reads one page: <c>GET</c> <paramref name="uri"/> (an API-origin URL), checks the status, parses a bare array or a
    /// page object under <see cref="RaviClientOptions.MaxResponseBytes"/>, and reports the response.
    /// </summary>
    private async ValueTask<(ListPage<TWire> Page, RaviResponse Response)> ReadPageAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = _pipeline.Requests.Create(HttpMethod.Get, uri, _scope, _identityUuid, _requestOptions);
        using var http = await _pipeline.SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        var page = await RaviResponseMapper.ReadPageAsync(http, _typeInfo, _pipeline.Settings.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        var response = RaviResponse.From(http);
        RaviCallOptions.Report(request, http, response);
        return (page, response);
    }

    /// <summary>Resolves a page's <c>next</c> link against the base address; refuses one to another origin.</summary>
    private Uri? ResolveNext(string? next)
    {
        if (string.IsNullOrEmpty(next))
        {
            return null;
        }

        if (!Uri.TryCreate(_pipeline.BaseAddress, next, out var uri))
        {
            throw new RaviException($"The server returned an invalid 'next' page link.");
        }

        if (!RaviOrigin.IsSame(uri, _pipeline.BaseAddress))
        {
            throw new RaviException($"Refusing to follow a 'next' page link to another origin ({uri.GetLeftPart(UriPartial.Authority)}): the bearer token would leak.");
        }

        return uri;
    }

    private List<T> Select(List<TWire> items)
    {
        if (_select is null && _filter is null && items is List<T> same)
        {
            return same; // the wire items are the caller's, all of them
        }

        var values = new List<T>(items.Count);
        foreach (var item in items)
        {
            var value = _select is null ? (T)(object)item! : _select(item);
            if (value is not null && (_filter is null || _filter(value)))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>Sets the <c>limit</c> query parameter: replaced where the link has one, else appended.</summary>
    private static Uri WithLimit(Uri uri, int limit)
    {
        var value = "limit=" + limit.ToString(CultureInfo.InvariantCulture);
        var parts = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).ToList();
        var at = parts.FindIndex(p => p == "limit" || p.StartsWith("limit=", StringComparison.Ordinal));
        if (at >= 0)
        {
            parts[at] = value;
            parts.RemoveAll(p => !ReferenceEquals(p, value) && (p == "limit" || p.StartsWith("limit=", StringComparison.Ordinal)));
        }
        else
        {
            parts.Add(value);
        }

        return new UriBuilder(uri) { Query = string.Join('&', parts) }.Uri;
    }

    /// <summary>
    /// The pages an enumeration read (compared by absolute URL), to stop at <see cref="RaviClientOptions.MaxPages"/> and
    /// at a link back to a page already read. The first page is held as it is, without a set or its URL string: most
    /// lists are one page.
    /// </summary>
    private struct PagesSeen
    {
        private Uri? _first;
        private HashSet<string>? _more;

        public readonly int Count => _more?.Count ?? (_first is null ? 0 : 1);

        public void Add(Uri page)
        {
            if (_first is null && _more is null)
            {
                _first = page;
                return;
            }

            if (_more is null)
            {
                _more = new HashSet<string>(StringComparer.Ordinal) { _first!.AbsoluteUri };
                _first = null;
            }

            _more.Add(page.AbsoluteUri);
        }

        public readonly bool Contains(Uri page) =>
            _more?.Contains(page.AbsoluteUri) ?? (_first is not null && string.Equals(_first.AbsoluteUri, page.AbsoluteUri, StringComparison.Ordinal));
    }
}

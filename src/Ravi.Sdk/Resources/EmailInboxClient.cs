using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>The identity's email threads: <c>/api/email-inbox/</c>. Requires an identity.</summary>
public class EmailInboxClient
{
    private const string Path = "api/email-inbox/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected EmailInboxClient()
    {
    }

    internal EmailInboxClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists email threads (<c>GET /api/email-inbox/</c>, optionally unread only).</summary>
    /// <remarks>
    /// Unread only sends <c>?unread=true&amp;has_unread=true</c> (the documented name and the official CLI's) and also drops
    /// items with no unread message from the response, so the result is the same whichever name the server honours.
    /// </remarks>
    /// <param name="unreadOnly">Only threads with unread messages.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each page request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The threads; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity (thrown by this call, before enumerating).</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<EmailThread> ListThreadsAsync(bool unreadOnly = false, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        var path = unreadOnly ? Path + UnreadFilter.InboxQuery : Path;
        _scope.RequireIdentity(HttpMethod.Get, path, IdentityScope.Required);
        return _scope.Pipeline.List(path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.EmailThread, _scope.OptionsFor(requestOptions), cancellationToken,
            UnreadFilter.For<EmailThread>(unreadOnly, t => t.UnreadCount > 0));
    }

    /// <summary>Gets a thread with its messages (<c>GET /api/email-inbox/{thread_id}/</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The thread.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<EmailThreadDetail> GetThreadAsync(string threadId, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        var segment = Guard.PathSegment(threadId);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{segment}/", IdentityScope.Required, requestOptions);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EmailThreadDetail, cancellationToken);
    }
}

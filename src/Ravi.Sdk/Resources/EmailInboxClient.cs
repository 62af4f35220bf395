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

    /// <summary>Constructor for mocking frameworks.</summary>
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
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The threads.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    public virtual IAsyncEnumerable<EmailThread> ListThreadsAsync(bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        var path = unreadOnly ? Path + UnreadFilter.InboxQuery : Path;
        _scope.RequireIdentity(HttpMethod.Get, path, IdentityScope.Required);
        return UnreadFilter.Apply(_scope.ListAsync(path, IdentityScope.Required, RaviJsonContext.Default.EmailThread, cancellationToken), unreadOnly, t => t.UnreadCount > 0);
    }

    /// <summary>Gets a thread with its messages (<c>GET /api/email-inbox/{thread_id}/</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The thread.</returns>
    public virtual Task<EmailThreadDetail> GetThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var segment = Guard.PathSegment(threadId);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{segment}/", IdentityScope.Required);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EmailThreadDetail, cancellationToken);
    }
}

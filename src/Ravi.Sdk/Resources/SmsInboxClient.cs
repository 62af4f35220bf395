using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>The identity's SMS conversations: <c>/api/sms-inbox/</c>. Requires an identity.</summary>
public class SmsInboxClient
{
    private const string Path = "api/sms-inbox/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected SmsInboxClient()
    {
    }

    internal SmsInboxClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists SMS conversations (<c>GET /api/sms-inbox/</c>, optionally unread only).</summary>
    /// <remarks>
    /// Unread only sends <c>?unread=true&amp;has_unread=true</c> (the documented name and the official CLI's) and also drops
    /// items with no unread message from the response, so the result is the same whichever name the server honours.
    /// </remarks>
    /// <param name="unreadOnly">Only conversations with unread messages.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The conversations.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    public virtual IAsyncEnumerable<SmsConversation> ListConversationsAsync(bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        var path = unreadOnly ? Path + UnreadFilter.InboxQuery : Path;
        _scope.RequireIdentity(HttpMethod.Get, path, IdentityScope.Required);
        return UnreadFilter.Apply(_scope.ListAsync(path, IdentityScope.Required, RaviJsonContext.Default.SmsConversation, cancellationToken), unreadOnly, c => c.UnreadCount > 0);
    }

    /// <summary>Gets a conversation with its messages (<c>GET /api/sms-inbox/{conversation_id}/</c>).</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversation.</returns>
    public virtual Task<SmsConversation> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var segment = Guard.PathSegment(conversationId);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{segment}/", IdentityScope.Required);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.SmsConversation, cancellationToken);
    }
}

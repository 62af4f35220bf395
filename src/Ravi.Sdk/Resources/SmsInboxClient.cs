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

    /// <summary>Lists SMS conversations (<c>GET /api/sms-inbox/</c>, optionally <c>?unread=true</c>).</summary>
    /// <param name="unreadOnly">Only conversations with unread messages.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The conversations.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    public virtual IAsyncEnumerable<SmsConversation> ListConversationsAsync(bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        var path = Path + new QueryString().Add("unread", unreadOnly ? true : null);
        _scope.RequireIdentity(HttpMethod.Get, path, IdentityScope.Required);
        return _scope.Pipeline.ListAsync(path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.SmsConversation, cancellationToken);
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

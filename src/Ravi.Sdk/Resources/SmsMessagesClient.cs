using System.Globalization;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>SMS messages: <c>/api/messages/</c>. Sends the identity header when the view has one.</summary>
public class SmsMessagesClient
{
    private const string Path = "api/messages/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected SmsMessagesClient()
    {
    }

    internal SmsMessagesClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists SMS messages (<c>GET /api/messages/</c>).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages.</returns>
    public virtual IAsyncEnumerable<SmsMessage> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(unreadOnly: false, cancellationToken);

    /// <summary>Lists SMS messages (<c>GET /api/messages/</c>), optionally unread only.</summary>
    /// <remarks>
    /// Unread only sends <c>?unread=true&amp;is_read=false</c> (the documented name and the official CLI's) and also drops
    /// messages marked read, so the result is the same whichever name the server honours.
    /// </remarks>
    /// <param name="unreadOnly">Only messages not yet read.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages.</returns>
    public virtual IAsyncEnumerable<SmsMessage> ListAsync(bool unreadOnly, CancellationToken cancellationToken = default) =>
        UnreadFilter.Apply(
            _scope.Pipeline.ListAsync(unreadOnly ? Path + UnreadFilter.MessagesQuery : Path, IdentityScope.Optional, _scope.IdentityUuid, RaviJsonContext.Default.SmsMessage, cancellationToken),
            unreadOnly,
            m => !m.IsRead);

    /// <summary>Gets one SMS message (<c>GET /api/messages/{id}/</c>).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message.</returns>
    public virtual Task<SmsMessage> GetAsync(long messageId, CancellationToken cancellationToken = default)
    {
        Guard.PositiveId(messageId);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{messageId.ToString(CultureInfo.InvariantCulture)}/", IdentityScope.Optional);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.SmsMessage, cancellationToken);
    }
}

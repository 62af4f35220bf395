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

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected SmsMessagesClient()
    {
    }

    internal SmsMessagesClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists SMS messages (<c>GET /api/messages/</c>), optionally unread only.</summary>
    /// <remarks>
    /// Unread only sends <c>?unread=true&amp;is_read=false</c> (the documented name and the official CLI's) and also drops
    /// messages marked read, so the result is the same whichever name the server honours.
    /// </remarks>
    /// <param name="unreadOnly">Only messages not yet read.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each page request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<SmsMessage> ListAsync(bool unreadOnly = false, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return _scope.Pipeline.List(unreadOnly ? Path + UnreadFilter.MessagesQuery : Path, IdentityScope.Optional, _scope.IdentityUuid,
            RaviJsonContext.Default.SmsMessage, _scope.OptionsFor(requestOptions), cancellationToken, UnreadFilter.For<SmsMessage>(unreadOnly, m => !m.IsRead));
    }

    /// <summary>Gets one SMS message (<c>GET /api/messages/{id}/</c>).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<SmsMessage> GetAsync(long messageId, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.PositiveId(messageId);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{messageId.ToString(CultureInfo.InvariantCulture)}/", IdentityScope.Optional, requestOptions);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.SmsMessage, cancellationToken);
    }
}

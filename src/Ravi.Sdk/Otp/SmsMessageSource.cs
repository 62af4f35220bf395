using Ravi.Sdk.Events;
using Ravi.Sdk.Models;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Otp;

/// <summary>The SMS conversations of the identity (<c>/api/sms-inbox/</c>) and the <see cref="SmsReceived"/> events.</summary>
internal sealed class SmsMessageSource(SmsInboxClient inbox) : IOtpMessageSource
{
    /// <summary>The inbox's path, for the identity check before a wait starts.</summary>
    public const string InboxPath = "api/sms-inbox/";

    public string? ContainerOf(RaviEvent e, OtpCriteria criteria) =>
        e is SmsReceived sms && criteria.MayMatch(sms.FromNumber, subject: null) ? sms.ConversationId : null;

    public Task<List<string>> ListUnreadAsync(OtpCriteria criteria, RaviRequestOptions? requestOptions, CancellationToken cancellationToken) =>
        OtpInboxListing.IdsAsync(inbox.ListConversationsAsync(unreadOnly: true, requestOptions, cancellationToken),
            c => criteria.InWindow(c.LatestMessageAt) && criteria.MayMatch(c.FromNumber, subject: null), c => c.ConversationId);

    public async Task<IEnumerable<OtpMessage>> ReadAsync(string id, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var conversation = await inbox.GetConversationAsync(id, requestOptions, cancellationToken).ConfigureAwait(false);
        return conversation.Messages
            .Where(m => m.Direction != MessageDirection.Outbound)
            .Select(m => new OtpMessage
            {
                Channel = OtpChannel.Sms,
                Id = m.Id,
                ConversationId = conversation.ConversationId,
                From = conversation.FromNumber,
                Body = m.Body ?? string.Empty,
                ReceivedAt = m.CreatedAt,
            });
    }
}

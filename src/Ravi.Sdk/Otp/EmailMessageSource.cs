using Ravi.Sdk.Events;
using Ravi.Sdk.Models;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Otp;

/// <summary>The email threads of the identity (<c>/api/email-inbox/</c>) and the <see cref="EmailReceived"/> events.</summary>
internal sealed class EmailMessageSource(EmailInboxClient inbox) : IOtpMessageSource
{
    /// <summary>The inbox's path, for the identity check before a wait starts.</summary>
    public const string InboxPath = "api/email-inbox/";

    public string? ContainerOf(RaviEvent e, OtpCriteria criteria) =>
        e is EmailReceived email && criteria.MayMatch(email.FromEmail, email.Subject) ? email.ThreadId : null;

    public Task<List<string>> ListUnreadAsync(OtpCriteria criteria, RaviRequestOptions? requestOptions, CancellationToken cancellationToken) =>
        OtpInboxListing.IdsAsync(inbox.ListThreadsAsync(unreadOnly: true, requestOptions, cancellationToken), t => criteria.InWindow(t.LatestMessageAt), t => t.ThreadId);

    public async Task<IEnumerable<OtpMessage>> ReadAsync(string id, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var thread = await inbox.GetThreadAsync(id, requestOptions, cancellationToken).ConfigureAwait(false);
        return thread.Messages
            .Where(m => m.Direction != MessageDirection.Outbound)
            .Select(m => new OtpMessage
            {
                Channel = OtpChannel.Email,
                Id = m.Id,
                ConversationId = thread.ThreadId,
                From = m.FromEmail,
                Subject = m.Subject ?? thread.Subject,
                Body = !string.IsNullOrWhiteSpace(m.TextContent) ? m.TextContent : HtmlText.ToText(m.HtmlContent),
                ReceivedAt = m.CreatedAt,
                Email = m,
            });
    }
}

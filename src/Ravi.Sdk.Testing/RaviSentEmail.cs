namespace Ravi.Sdk.Testing;

/// <summary>An email the server accepted for sending (compose, reply, reply-all or forward).</summary>
/// <param name="MessageId">The id of the outbound message (as in <c>/api/email-messages/{id}/</c>).</param>
/// <param name="IdentityUuid">The sending identity.</param>
/// <param name="Kind">Compose, reply, reply-all or forward.</param>
/// <param name="InReplyTo">For replies and forwards, the id of the message replied to or forwarded.</param>
/// <param name="ThreadId">The thread the message belongs to.</param>
/// <param name="From">The sender (the identity's inbox).</param>
/// <param name="To">The <c>to</c> recipients as sent (comma-separated).</param>
/// <param name="Cc">The <c>cc</c> recipients (comma-separated, may be empty).</param>
/// <param name="Bcc">The <c>bcc</c> recipients (comma-separated, may be empty).</param>
/// <param name="Subject">The subject.</param>
/// <param name="Body">The body exactly as received (HTML; for a forward, the text sent above the forwarded message).</param>
/// <param name="AttachmentUuids">The attachments sent.</param>
/// <param name="SentAt">When the server accepted it (server clock).</param>
public sealed record RaviSentEmail(
    long MessageId,
    string IdentityUuid,
    RaviSendKind Kind,
    long? InReplyTo,
    string ThreadId,
    string From,
    string To,
    string Cc,
    string Bcc,
    string Subject,
    string Body,
    IReadOnlyList<string> AttachmentUuids,
    DateTimeOffset SentAt);

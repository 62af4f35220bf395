using Ravi.Sdk.Testing.Internal;

namespace Ravi.Sdk.Testing;

/// <summary>An email the server accepted for sending (compose, reply, reply-all or forward).</summary>
public sealed record RaviSentEmail
{
    /// <summary>The id of the outbound message (as in <c>/api/email-messages/{id}/</c>).</summary>
    public required long MessageId { get; init; }

    /// <summary>The sending identity.</summary>
    public required string IdentityUuid { get; init; }

    /// <summary>Compose, reply, reply-all or forward.</summary>
    public required RaviSendKind Kind { get; init; }

    /// <summary>For replies and forwards, the id of the message replied to or forwarded.</summary>
    public long? InReplyTo { get; init; }

    /// <summary>The thread the message belongs to.</summary>
    public required string ThreadId { get; init; }

    /// <summary>The sender (the identity's inbox).</summary>
    public required string From { get; init; }

    /// <summary>The <c>to</c> recipients as sent (comma-separated).</summary>
    public required string To { get; init; }

    /// <summary>The <c>cc</c> recipients (comma-separated, may be empty).</summary>
    public string Cc { get; init; } = "";

    /// <summary>The <c>bcc</c> recipients (comma-separated, may be empty).</summary>
    public string Bcc { get; init; } = "";

    /// <summary>The subject.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The body exactly as received (HTML; for a forward, the text sent above the forwarded message).</summary>
    public string Body { get; init; } = "";

    /// <summary>The attachments sent; a copy, compared by content in <see cref="Equals(RaviSentEmail?)"/>.</summary>
    public IReadOnlyList<string> AttachmentUuids { get; init => field = EquatableList<string>.From(value); } = EquatableList<string>.Empty;

    /// <summary>When the server accepted it (server clock).</summary>
    public required DateTimeOffset SentAt { get; init; }
}

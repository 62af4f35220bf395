namespace Ravi.Sdk.Agents.Results;

/// <summary>One email, with its body as text (bounded).</summary>
internal sealed record EmailMessageItem(long MessageId, string? ThreadId, string? Direction, string? From, string? To, string? Cc, string? Subject, string? Text, bool? TextTruncated, DateTimeOffset? ReceivedAt, bool IsRead, IReadOnlyList<AttachmentItem>? Attachments);

namespace Ravi.Sdk.Testing.Internal;

/// <summary>An inbound or outbound email.</summary>
internal sealed class EmailMessageRecord
{
    public required long Id { get; init; }
    public required string IdentityUuid { get; init; }
    public required string MessageId { get; init; }
    public required string ThreadId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string Cc { get; init; } = "";
    public string Bcc { get; init; } = "";
    public required string Subject { get; init; }
    public required string Text { get; init; }
    public string? Html { get; init; }
    public required bool Inbound { get; init; }
    public bool IsRead { get; set; }
    public IReadOnlyList<AttachmentRecord> Attachments { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
}

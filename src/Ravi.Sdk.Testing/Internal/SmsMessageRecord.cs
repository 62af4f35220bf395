namespace Ravi.Sdk.Testing.Internal;

/// <summary>An SMS message.</summary>
internal sealed class SmsMessageRecord
{
    public required long Id { get; init; }
    public required string IdentityUuid { get; init; }
    public required string ConversationId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string Body { get; init; }
    public required string MessageSid { get; init; }
    public required bool Inbound { get; init; }
    public bool IsRead { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}

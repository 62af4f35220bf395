namespace Ravi.Sdk.Events;

/// <summary>The JSON data of an <c>sms</c> event.</summary>
internal sealed record SmsEventPayload
{
    public string? ConversationId { get; init; }

    public string? FromNumber { get; init; }

    public string? Preview { get; init; }
}

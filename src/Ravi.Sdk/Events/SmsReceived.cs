namespace Ravi.Sdk.Events;

/// <summary>A new SMS arrived at the identity's phone number (event type <c>sms</c>).</summary>
public sealed class SmsReceived : RaviEvent
{
    /// <summary>Creates the event; set its properties with an object initializer.</summary>
    public SmsReceived()
        : base(RaviEventTypes.Sms)
    {
    }

    /// <summary>The conversation id (<c>conversation_id</c>); fetch it with <c>client.SmsInbox.GetConversationAsync</c>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public required string ConversationId { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>The sender's number (<c>from_number</c>).</summary>
    public string? FromNumber { get; init; }

    /// <summary>A preview of the text.</summary>
    public string? Preview { get; init; }
}

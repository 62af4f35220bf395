namespace Ravi.Sdk.Events;

/// <summary>A new SMS arrived at the identity's phone number (event type <c>sms</c>).</summary>
public sealed class SmsReceived : RaviEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="data">The raw JSON data.</param>
    /// <param name="id">The event id, or null.</param>
    /// <param name="conversationId">The conversation the SMS belongs to.</param>
    /// <param name="fromNumber">The sender.</param>
    /// <param name="preview">The start of the text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="conversationId"/> is null.</exception>
    public SmsReceived(string data, string? id, string conversationId, string? fromNumber, string? preview)
        : base(RaviEventTypes.Sms, data, id)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ConversationId = conversationId;
        FromNumber = fromNumber;
        Preview = preview;
    }

    /// <summary>The conversation id (<c>conversation_id</c>); fetch it with <c>client.SmsInbox.GetConversationAsync</c>.</summary>
    public string ConversationId { get; }

    /// <summary>The sender's number (<c>from_number</c>).</summary>
    public string? FromNumber { get; }

    /// <summary>A preview of the text.</summary>
    public string? Preview { get; }
}

using System.Text.Json.Serialization;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Models;

/// <summary>An SMS conversation with one remote number (list view; the detail view adds <see cref="Messages"/>).</summary>
public sealed record SmsConversation
{
    /// <summary>The conversation id.</summary>
    [JsonPropertyName("conversation_id")]
    public required string ConversationId { get; init; }

    /// <summary>The remote number.</summary>
    [JsonPropertyName("from_number")]
    public string? FromNumber { get; init; }

    /// <summary>The identity's phone record, as the server reports it (its id, or the number).</summary>
    [JsonPropertyName("phone")]
    public string? PhoneId { get; init; }

    /// <summary>The identity's phone number.</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; init; }

    /// <summary>A preview of the latest message.</summary>
    [JsonPropertyName("preview")]
    public string? Preview { get; init; }

    /// <summary>How many messages the conversation holds.</summary>
    [JsonPropertyName("message_count")]
    public int MessageCount { get; init; }

    /// <summary>How many are unread.</summary>
    [JsonPropertyName("unread_count")]
    public int UnreadCount { get; init; }

    /// <summary>When the newest message arrived.</summary>
    [JsonPropertyName("latest_message_dt")]
    public DateTimeOffset? LatestMessageAt { get; init; }

    /// <summary>
    /// The messages (detail view only; empty, never null, in lists). A copy of the list it was given; compared by content
    /// in <see cref="Equals(SmsConversation?)"/>.
    /// </summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<SmsConversationMessage> Messages { get; init => field = EquatableList<SmsConversationMessage>.From(value); } = EquatableList<SmsConversationMessage>.Empty;

    /// <summary>Shows which conversation, who and when; never the preview or message bodies (they carry codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"SmsConversation {{ ConversationId = {ConversationId}, FromNumber = {FromNumber}, PhoneNumber = {PhoneNumber}, " +
        $"MessageCount = {MessageCount}, UnreadCount = {UnreadCount}, LatestMessageAt = {LatestMessageAt:O}, " +
        $"Messages = {Messages.Count}, Preview = {Mask(Preview)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An SMS conversation with one remote number (list view; the detail view adds <see cref="Messages"/>).</summary>
public sealed record SmsConversation
{
    /// <summary>The conversation id.</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public required string ConversationId { get; init; }

    /// <summary>The remote number.</summary>
    public string? FromNumber { get; init; }

    /// <summary>The identity's phone (id or number, as the server reports it).</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? Phone { get; init; }

    /// <summary>The identity's phone number.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>A preview of the latest message.</summary>
    public string? Preview { get; init; }

    /// <summary>How many messages the conversation holds.</summary>
    public int MessageCount { get; init; }

    /// <summary>How many are unread.</summary>
    public int UnreadCount { get; init; }

    /// <summary>When the newest message arrived.</summary>
    public DateTimeOffset? LatestMessageDt { get; init; }

    /// <summary>The messages (detail view only; empty, never null, in lists).</summary>
    public IReadOnlyList<SmsConversationMessage> Messages { get; init => field = value ?? []; } = [];

    /// <summary>Shows which conversation, who and when; never the preview or message bodies (they carry codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"SmsConversation {{ ConversationId = {ConversationId}, FromNumber = {FromNumber}, PhoneNumber = {PhoneNumber}, " +
        $"MessageCount = {MessageCount}, UnreadCount = {UnreadCount}, LatestMessageDt = {LatestMessageDt:O}, " +
        $"Messages = {Messages.Count}, Preview = {Mask(Preview)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

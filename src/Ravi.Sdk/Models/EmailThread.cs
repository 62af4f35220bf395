using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>A thread in an identity's email inbox (list view).</summary>
public sealed record EmailThread
{
    /// <summary>The thread id.</summary>
    [JsonPropertyName("thread_id")]
    public required string ThreadId { get; init; }

    /// <summary>The subject.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>A preview of the latest message.</summary>
    [JsonPropertyName("preview")]
    public string? Preview { get; init; }

    /// <summary>The sender of the latest inbound message.</summary>
    [JsonPropertyName("from_email")]
    public string? FromEmail { get; init; }

    /// <summary>The inbox address the thread belongs to.</summary>
    [JsonPropertyName("inbox")]
    public string? Inbox { get; init; }

    /// <summary>How many messages the thread holds.</summary>
    [JsonPropertyName("message_count")]
    public int MessageCount { get; init; }

    /// <summary>How many of them are unread.</summary>
    [JsonPropertyName("unread_count")]
    public int UnreadCount { get; init; }

    /// <summary>When the newest message arrived.</summary>
    [JsonPropertyName("latest_message_dt")]
    public DateTimeOffset? LatestMessageAt { get; init; }

    /// <summary>When the oldest message arrived.</summary>
    [JsonPropertyName("oldest_message_dt")]
    public DateTimeOffset? OldestMessageAt { get; init; }

    /// <summary>Shows which thread, who and when; never the subject or the preview (they carry codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"EmailThread {{ ThreadId = {ThreadId}, FromEmail = {FromEmail}, Inbox = {Inbox}, MessageCount = {MessageCount}, " +
        $"UnreadCount = {UnreadCount}, LatestMessageAt = {LatestMessageAt:O}, Subject = {Mask(Subject)}, Preview = {Mask(Preview)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

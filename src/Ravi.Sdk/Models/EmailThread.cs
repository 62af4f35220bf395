using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>A thread in an identity's email inbox (list view).</summary>
public sealed record EmailThread
{
    /// <summary>The thread id.</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public required string ThreadId { get; init; }

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }

    /// <summary>A preview of the latest message.</summary>
    public string? Preview { get; init; }

    /// <summary>The sender of the latest inbound message.</summary>
    public string? FromEmail { get; init; }

    /// <summary>The inbox address the thread belongs to.</summary>
    public string? Inbox { get; init; }

    /// <summary>How many messages the thread holds.</summary>
    public int MessageCount { get; init; }

    /// <summary>How many of them are unread.</summary>
    public int UnreadCount { get; init; }

    /// <summary>When the newest message arrived.</summary>
    public DateTimeOffset? LatestMessageDt { get; init; }

    /// <summary>When the oldest message arrived.</summary>
    public DateTimeOffset? OldestMessageDt { get; init; }

    /// <summary>Shows which thread, who and when; never the subject or the preview (they carry codes).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"EmailThread {{ ThreadId = {ThreadId}, FromEmail = {FromEmail}, Inbox = {Inbox}, MessageCount = {MessageCount}, " +
        $"UnreadCount = {UnreadCount}, LatestMessageDt = {LatestMessageDt:O}, Subject = {Mask(Subject)}, Preview = {Mask(Preview)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

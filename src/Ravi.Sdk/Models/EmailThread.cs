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
}

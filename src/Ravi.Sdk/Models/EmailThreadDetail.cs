using System.Text.Json.Serialization;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Models;

/// <summary>A thread with its messages.</summary>
public sealed record EmailThreadDetail
{
    /// <summary>The thread id.</summary>
    [JsonPropertyName("thread_id")]
    public required string ThreadId { get; init; }

    /// <summary>The subject.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>How many messages the thread holds.</summary>
    [JsonPropertyName("message_count")]
    public int MessageCount { get; init; }

    /// <summary>
    /// The messages, oldest first; empty (never null) when the server sends none or <c>null</c>. A copy of the list it
    /// was given; compared by content in <see cref="Equals(EmailThreadDetail?)"/>.
    /// </summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<EmailMessage> Messages { get; init => field = EquatableList<EmailMessage>.From(value); } = EquatableList<EmailMessage>.Empty;

    /// <summary>Shows which thread and how many messages; never the subject or message content.</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"EmailThreadDetail {{ ThreadId = {ThreadId}, MessageCount = {MessageCount}, Messages = {Messages.Count}, Subject = {Mask(Subject)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>A thread with its messages.</summary>
public sealed record EmailThreadDetail
{
    /// <summary>The thread id.</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public required string ThreadId { get; init; }

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }

    /// <summary>How many messages the thread holds.</summary>
    public int MessageCount { get; init; }

    /// <summary>The messages, oldest first; empty (never null) when the server sends none or <c>null</c>.</summary>
    public IReadOnlyList<EmailMessage> Messages { get; init => field = value ?? []; } = [];

    /// <summary>Shows which thread and how many messages; never the subject or message content.</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"EmailThreadDetail {{ ThreadId = {ThreadId}, MessageCount = {MessageCount}, Messages = {Messages.Count}, Subject = {Mask(Subject)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

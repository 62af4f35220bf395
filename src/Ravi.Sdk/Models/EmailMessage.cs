using System.Text.Json.Serialization;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Models;

/// <summary>An email message, inbound or outbound.</summary>
public sealed record EmailMessage
{
    /// <summary>The message id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The API URL of the message.</summary>
    [JsonPropertyName("url")]
    public Uri? Url { get; init; }

    /// <summary>The RFC 5322 <c>Message-ID</c>.</summary>
    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }

    /// <summary>The thread this message belongs to.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    /// <summary>The sender address.</summary>
    [JsonPropertyName("from_email")]
    public string? FromEmail { get; init; }

    /// <summary>The recipient address(es).</summary>
    [JsonPropertyName("to_email")]
    public string? ToEmail { get; init; }

    /// <summary>Carbon-copy recipients.</summary>
    [JsonPropertyName("cc")]
    public string? Cc { get; init; }

    /// <summary>The subject.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    [JsonPropertyName("text_content")]
    public string? TextContent { get; init; }

    /// <summary>The HTML body.</summary>
    [JsonPropertyName("html_content")]
    public string? HtmlContent { get; init; }

    /// <summary>Whether the message came in (<see cref="MessageDirection.Inbound"/>) or went out; null when the server does not say.</summary>
    [JsonPropertyName("direction")]
    public MessageDirection? Direction { get; init; }

    /// <summary>Whether the message has been read.</summary>
    [JsonPropertyName("is_read")]
    public bool IsRead { get; init; }

    /// <summary>
    /// The attachments; empty (never null) when the server sends none or <c>null</c>. A copy of the list it was given;
    /// compared by content in <see cref="Equals(EmailMessage?)"/>.
    /// </summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<EmailAttachment> Attachments { get; init => field = EquatableList<EmailAttachment>.From(value); } = EquatableList<EmailAttachment>.Empty;

    /// <summary>When the message was created (received or sent).</summary>
    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Shows who, which and when; never the subject or the bodies (they carry codes and links).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"EmailMessage {{ Id = {Id}, ThreadId = {ThreadId}, FromEmail = {FromEmail}, ToEmail = {ToEmail}, Direction = {Direction}, " +
        $"IsRead = {IsRead}, Attachments = {Attachments.Count}, CreatedAt = {CreatedAt:O}, Subject = {Mask(Subject)}, " +
        $"TextContent = {Mask(TextContent)}, HtmlContent = {Mask(HtmlContent)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

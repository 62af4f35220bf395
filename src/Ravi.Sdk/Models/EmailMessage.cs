using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An email message, inbound or outbound.</summary>
public sealed record EmailMessage
{
    /// <summary>The message id.</summary>
    public long Id { get; init; }

    /// <summary>The API URL of the message.</summary>
    public string? Url { get; init; }

    /// <summary>The RFC 5322 <c>Message-ID</c>.</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? MessageId { get; init; }

    /// <summary>The thread this message belongs to.</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? ThreadId { get; init; }

    /// <summary>The sender address.</summary>
    public string? FromEmail { get; init; }

    /// <summary>The recipient address(es).</summary>
    public string? ToEmail { get; init; }

    /// <summary>Carbon-copy recipients.</summary>
    public string? Cc { get; init; }

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    public string? TextContent { get; init; }

    /// <summary>The HTML body.</summary>
    public string? HtmlContent { get; init; }

    /// <summary><c>inbound</c> or <c>outbound</c>.</summary>
    public string? Direction { get; init; }

    /// <summary>Whether the message has been read.</summary>
    public bool IsRead { get; init; }

    /// <summary>The attachments; empty (never null) when the server sends none or <c>null</c>.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init => field = value ?? []; } = [];

    /// <summary>When the message was created (received or sent).</summary>
    public DateTimeOffset? CreatedDt { get; init; }

    /// <summary>Shows who, which and when; never the subject or the bodies (they carry codes and links).</summary>
    /// <returns>A description without message content.</returns>
    public override string ToString() =>
        $"EmailMessage {{ Id = {Id}, ThreadId = {ThreadId}, FromEmail = {FromEmail}, ToEmail = {ToEmail}, Direction = {Direction}, " +
        $"IsRead = {IsRead}, Attachments = {Attachments.Count}, CreatedDt = {CreatedDt:O}, Subject = {Mask(Subject)}, " +
        $"TextContent = {Mask(TextContent)}, HtmlContent = {Mask(HtmlContent)} }}";

    private static string Mask(string? value) => value is null ? "null" : "***";
}

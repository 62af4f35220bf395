namespace Ravi.Sdk.Models;

/// <summary>A reply (or reply-all) to an email message.</summary>
public sealed record ReplyEmailRequest
{
    /// <summary>The HTML body. Required.</summary>
    public required string Body { get; init; }

    /// <summary>Extra carbon-copy recipients, comma-separated.</summary>
    public string? Cc { get; init; }

    /// <summary>Extra blind-carbon-copy recipients, comma-separated.</summary>
    public string? Bcc { get; init; }

    /// <summary>UUIDs of uploaded attachments.</summary>
    public IReadOnlyList<string> AttachmentUuids { get; init => field = value ?? []; } = [];
}

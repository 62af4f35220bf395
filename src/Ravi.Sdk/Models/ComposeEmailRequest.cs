namespace Ravi.Sdk.Models;

/// <summary>A new outbound email.</summary>
public sealed record ComposeEmailRequest
{
    /// <summary>The recipient(s), comma-separated. Required.</summary>
    public required string To { get; init; }

    /// <summary>The subject.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The HTML body.</summary>
    public string Body { get; init; } = "";

    /// <summary>Carbon-copy recipients, comma-separated.</summary>
    public string? Cc { get; init; }

    /// <summary>Blind-carbon-copy recipients, comma-separated.</summary>
    public string? Bcc { get; init; }

    /// <summary>UUIDs of attachments uploaded with <c>client.Attachments.UploadAsync</c>.</summary>
    public IReadOnlyList<string> AttachmentUuids { get; init => field = value ?? []; } = [];
}

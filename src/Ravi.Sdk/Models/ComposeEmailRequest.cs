using System.Text.Json.Serialization;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Models;

/// <summary>A new outbound email.</summary>
public sealed record ComposeEmailRequest
{
    /// <summary>The recipient(s), comma-separated. Required.</summary>
    [JsonPropertyName("to")]
    public required string To { get; init; }

    /// <summary>The subject.</summary>
    [JsonPropertyName("subject")]
    public string Subject { get; init; } = "";

    /// <summary>The HTML body.</summary>
    [JsonPropertyName("body")]
    public string Body { get; init; } = "";

    /// <summary>Carbon-copy recipients, comma-separated.</summary>
    [JsonPropertyName("cc")]
    public string? Cc { get; init; }

    /// <summary>Blind-carbon-copy recipients, comma-separated.</summary>
    [JsonPropertyName("bcc")]
    public string? Bcc { get; init; }

    /// <summary>
    /// UUIDs of attachments uploaded with <c>client.Attachments.UploadAsync</c>; empty by default. A copy of the list it was
    /// given; compared by content in <see cref="Equals(ComposeEmailRequest?)"/>.
    /// </summary>
    [JsonPropertyName("attachment_uuids")]
    public IReadOnlyList<string> AttachmentUuids { get; init => field = EquatableList<string>.From(value); } = EquatableList<string>.Empty;
}

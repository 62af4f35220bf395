using System.Text.Json.Serialization;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Models;

/// <summary>A reply (or reply-all) to an email message.</summary>
public sealed record ReplyEmailRequest
{
    /// <summary>The HTML body. Required.</summary>
    [JsonPropertyName("body")]
    public required string Body { get; init; }

    /// <summary>Extra carbon-copy recipients, comma-separated.</summary>
    [JsonPropertyName("cc")]
    public string? Cc { get; init; }

    /// <summary>Extra blind-carbon-copy recipients, comma-separated.</summary>
    [JsonPropertyName("bcc")]
    public string? Bcc { get; init; }

    /// <summary>
    /// UUIDs of uploaded attachments; empty by default. A copy of the list it was given; compared by content in
    /// <see cref="Equals(ReplyEmailRequest?)"/>.
    /// </summary>
    [JsonPropertyName("attachment_uuids")]
    public IReadOnlyList<string> AttachmentUuids { get; init => field = EquatableList<string>.From(value); } = EquatableList<string>.Empty;
}

using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An attachment of an email message.</summary>
public sealed record EmailAttachment
{
    /// <summary>The attachment's UUID.</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    /// <summary>The file name.</summary>
    [JsonPropertyName("filename")]
    public string? FileName { get; init; }

    /// <summary>The MIME type.</summary>
    [JsonPropertyName("content_type")]
    public string? ContentType { get; init; }

    /// <summary>The size in bytes.</summary>
    [JsonPropertyName("size")]
    public long Size { get; init; }

    /// <summary>Whether the attachment is inline (e.g. an embedded image).</summary>
    [JsonPropertyName("is_inline")]
    public bool IsInline { get; init; }

    /// <summary>A (short-lived) URL to download the content.</summary>
    [JsonPropertyName("download_url")]
    public Uri? DownloadUrl { get; init; }
}

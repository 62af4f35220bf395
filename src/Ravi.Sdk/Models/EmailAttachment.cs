using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An attachment of an email message.</summary>
public sealed record EmailAttachment
{
    /// <summary>The attachment's UUID.</summary>
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? Uuid { get; init; }

    /// <summary>The file name.</summary>
    public string? Filename { get; init; }

    /// <summary>The MIME type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Whether the attachment is inline (e.g. an embedded image).</summary>
    public bool IsInline { get; init; }

    /// <summary>A (short-lived) URL to download the content.</summary>
    public string? DownloadUrl { get; init; }
}

using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>A presigned upload slot for an email attachment.</summary>
public sealed record PresignedUpload
{
    /// <summary>The attachment UUID to pass in <see cref="ComposeEmailRequest.AttachmentUuids"/>.</summary>
    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }

    /// <summary>Where to PUT the bytes (a storage host, not the API: no bearer token is sent there). It may carry a signature: do not log it.</summary>
    [JsonPropertyName("upload_url")]
    public required Uri UploadUrl { get; init; }

    /// <summary>The storage key of the object.</summary>
    [JsonPropertyName("storage_key")]
    public string? StorageKey { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"PresignedUpload {{ Uuid = {Uuid}, StorageKey = {StorageKey} }}";
}

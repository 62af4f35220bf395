namespace Ravi.Sdk.Testing.Internal;

/// <summary>A presigned attachment and, once uploaded, its bytes.</summary>
internal sealed class AttachmentRecord
{
    public required string Uuid { get; init; }
    public required string IdentityUuid { get; init; }
    public required string Filename { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required string StorageKey { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string UploadSignature { get; init; }
    public required string DownloadSignature { get; init; }
    public byte[]? Content { get; set; }
}

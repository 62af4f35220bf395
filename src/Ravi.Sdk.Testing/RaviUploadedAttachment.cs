namespace Ravi.Sdk.Testing;

/// <summary>Bytes uploaded to a presigned attachment URL.</summary>
/// <param name="Uuid">The attachment UUID (from presign).</param>
/// <param name="IdentityUuid">The identity that presigned it.</param>
/// <param name="Filename">The presigned filename.</param>
/// <param name="ContentType">The <c>Content-Type</c> of the upload.</param>
/// <param name="Content">The uploaded bytes.</param>
/// <param name="UploadedAt">When the upload finished (server clock).</param>
public sealed record RaviUploadedAttachment(
    string Uuid,
    string IdentityUuid,
    string Filename,
    string ContentType,
    ReadOnlyMemory<byte> Content,
    DateTimeOffset UploadedAt)
{
    /// <summary>The number of bytes uploaded.</summary>
    public int Size => Content.Length;
}

namespace Ravi.Sdk.Testing;

/// <summary>
/// Bytes uploaded to a presigned attachment URL. Two uploads are equal when every property is, <see cref="Content"/>
/// compared byte by byte.
/// </summary>
public sealed record RaviUploadedAttachment
{
    /// <summary>The attachment UUID (from presign).</summary>
    public required string Uuid { get; init; }

    /// <summary>The identity that presigned it.</summary>
    public required string IdentityUuid { get; init; }

    /// <summary>The presigned file name.</summary>
    public required string FileName { get; init; }

    /// <summary>The <c>Content-Type</c> of the upload.</summary>
    public required string ContentType { get; init; }

    /// <summary>The uploaded bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>When the upload finished (server clock).</summary>
    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>The number of bytes uploaded.</summary>
    public int Size => Content.Length;

    /// <summary>Compares every property, <see cref="Content"/> by its bytes.</summary>
    /// <param name="other">The other upload.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RaviUploadedAttachment? other) =>
        other is not null
        && Uuid == other.Uuid
        && IdentityUuid == other.IdentityUuid
        && FileName == other.FileName
        && ContentType == other.ContentType
        && UploadedAt == other.UploadedAt
        && Content.Span.SequenceEqual(other.Content.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Uuid, IdentityUuid, FileName, ContentType, UploadedAt, Content.Length);
}

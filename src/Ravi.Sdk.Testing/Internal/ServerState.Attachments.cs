namespace Ravi.Sdk.Testing.Internal;

/// <summary>Attachments: presigned upload and download records and the uploads received (callers hold <see cref="Sync"/>).</summary>
internal sealed partial class ServerState
{
    private readonly Dictionary<string, AttachmentRecord> _attachments = new(StringComparer.Ordinal);

    public AttachmentRecord CreateAttachment(IdentityRecord identity, string filename, string contentType, long size)
    {
        var uuid = Guid.NewGuid().ToString("D");
        var expiresAt = Now + Options.PresignedUrlLifetime;
        var record = new AttachmentRecord
        {
            Uuid = uuid,
            IdentityUuid = identity.Uuid,
            Filename = filename,
            ContentType = contentType,
            Size = size,
            StorageKey = $"attachments/{identity.Uuid}/{uuid}/{filename}",
            ExpiresAt = expiresAt,
            UploadSignature = HexSignature(StorageKey, $"PUT\n{uuid}\n{expiresAt.ToUnixTimeSeconds()}"),
            DownloadSignature = HexSignature(StorageKey, $"GET\n{uuid}"),
        };
        _attachments.Add(uuid, record);
        return record;
    }

    public AttachmentRecord? FindAttachment(string uuid) => _attachments.GetValueOrDefault(uuid);

    public void RecordUpload(AttachmentRecord attachment, string contentType, byte[] content)
    {
        attachment.Content = content;
        _uploads.Add(new RaviUploadedAttachment
        {
            Uuid = attachment.Uuid,
            IdentityUuid = attachment.IdentityUuid,
            FileName = attachment.Filename,
            ContentType = contentType,
            Content = content,
            UploadedAt = Now,
        });
    }
}

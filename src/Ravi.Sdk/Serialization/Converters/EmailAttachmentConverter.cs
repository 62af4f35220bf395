using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes an email attachment: <see cref="EmailAttachment"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class EmailAttachmentConverter : ModelConverter<EmailAttachment>
{
    private const string Model = nameof(EmailAttachment);

    public static EmailAttachmentConverter Instance { get; } = new();

    protected override EmailAttachment ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? uuid = null;
        string? fileName = null;
        string? contentType = null;
        long size = default;
        bool isInline = default;
        Uri? downloadUrl = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("uuid"u8))
            {
                uuid = ModelReader.Id(ref reader, Model, "uuid");
            }
            else if (reader.ValueTextEquals("filename"u8))
            {
                fileName = ModelReader.String(ref reader, Model, "filename");
            }
            else if (reader.ValueTextEquals("content_type"u8))
            {
                contentType = ModelReader.String(ref reader, Model, "content_type");
            }
            else if (reader.ValueTextEquals("size"u8))
            {
                size = ModelReader.Int64(ref reader, Model, "size");
            }
            else if (reader.ValueTextEquals("is_inline"u8))
            {
                isInline = ModelReader.Boolean(ref reader, Model, "is_inline");
            }
            else if (reader.ValueTextEquals("download_url"u8))
            {
                downloadUrl = ModelReader.Uri(ref reader, Model, "download_url");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new EmailAttachment
        {
            Uuid = uuid,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            IsInline = isInline,
            DownloadUrl = downloadUrl,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, EmailAttachment value, JsonSerializerOptions options)
    {
        ModelWriter.String(writer, "uuid"u8, value.Uuid);
        ModelWriter.String(writer, "filename"u8, value.FileName);
        ModelWriter.String(writer, "content_type"u8, value.ContentType);
        writer.WriteNumber("size"u8, value.Size);
        writer.WriteBoolean("is_inline"u8, value.IsInline);
        ModelWriter.Uri(writer, "download_url"u8, value.DownloadUrl);
    }
}

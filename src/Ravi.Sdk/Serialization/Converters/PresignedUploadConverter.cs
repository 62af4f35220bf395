using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes a presigned attachment upload slot: <see cref="PresignedUpload"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class PresignedUploadConverter : ModelConverter<PresignedUpload>
{
    private const string Model = nameof(PresignedUpload);

    public static PresignedUploadConverter Instance { get; } = new();

    protected override PresignedUpload ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? uuid = null;
        Uri? uploadUrl = null;
        string? storageKey = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("uuid"u8))
            {
                uuid = ModelReader.Id(ref reader, Model, "uuid");
            }
            else if (reader.ValueTextEquals("upload_url"u8))
            {
                uploadUrl = ModelReader.Uri(ref reader, Model, "upload_url");
            }
            else if (reader.ValueTextEquals("storage_key"u8))
            {
                storageKey = ModelReader.String(ref reader, Model, "storage_key");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new PresignedUpload
        {
            Uuid = ModelReader.Required(uuid, Model, "uuid"),
            UploadUrl = ModelReader.Required(uploadUrl, Model, "upload_url"),
            StorageKey = storageKey,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, PresignedUpload value, JsonSerializerOptions options)
    {
        ModelWriter.String(writer, "uuid"u8, value.Uuid);
        ModelWriter.Uri(writer, "upload_url"u8, value.UploadUrl);
        ModelWriter.String(writer, "storage_key"u8, value.StorageKey);
    }
}

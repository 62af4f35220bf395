using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes the encryption metadata: <see cref="EncryptionMetadata"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class EncryptionMetadataConverter : ModelConverter<EncryptionMetadata>
{
    private const string Model = nameof(EncryptionMetadata);

    public static EncryptionMetadataConverter Instance { get; } = new();

    protected override EncryptionMetadata ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        long? id = null;
        string? salt = null;
        string? verifier = null;
        string? publicKey = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ModelReader.NullableInt64(ref reader, Model, "id");
            }
            else if (reader.ValueTextEquals("salt"u8))
            {
                salt = ModelReader.String(ref reader, Model, "salt");
            }
            else if (reader.ValueTextEquals("verifier"u8))
            {
                verifier = ModelReader.String(ref reader, Model, "verifier");
            }
            else if (reader.ValueTextEquals("public_key"u8))
            {
                publicKey = ModelReader.String(ref reader, Model, "public_key");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new EncryptionMetadata
        {
            Id = id,
            Salt = salt,
            Verifier = verifier,
            PublicKey = publicKey,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, EncryptionMetadata value, JsonSerializerOptions options)
    {
        if (value.Id is { } id)
        {
            writer.WriteNumber("id"u8, id);
        }

        ModelWriter.String(writer, "salt"u8, value.Salt);
        ModelWriter.String(writer, "verifier"u8, value.Verifier);
        ModelWriter.String(writer, "public_key"u8, value.PublicKey);
    }
}

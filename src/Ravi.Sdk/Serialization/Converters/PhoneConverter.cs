using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes a phone number record: <see cref="Phone"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class PhoneConverter : ModelConverter<Phone>
{
    private const string Model = nameof(Phone);

    public static PhoneConverter Instance { get; } = new();

    protected override Phone ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        long id = default;
        string? phoneNumber = null;
        string? provider = null;
        DateTimeOffset? createdAt = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ModelReader.Int64(ref reader, Model, "id");
            }
            else if (reader.ValueTextEquals("phone_number"u8))
            {
                phoneNumber = ModelReader.String(ref reader, Model, "phone_number");
            }
            else if (reader.ValueTextEquals("provider"u8))
            {
                provider = ModelReader.String(ref reader, Model, "provider");
            }
            else if (reader.ValueTextEquals("created_dt"u8))
            {
                createdAt = ModelReader.DateTime(ref reader, Model, "created_dt");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new Phone
        {
            Id = id,
            PhoneNumber = phoneNumber,
            Provider = provider,
            CreatedAt = createdAt,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, Phone value, JsonSerializerOptions options)
    {
        writer.WriteNumber("id"u8, value.Id);
        ModelWriter.String(writer, "phone_number"u8, value.PhoneNumber);
        ModelWriter.String(writer, "provider"u8, value.Provider);
        ModelWriter.DateTime(writer, "created_dt"u8, value.CreatedAt);
    }
}

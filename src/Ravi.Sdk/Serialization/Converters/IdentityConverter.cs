using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes an identity: <see cref="Identity"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class IdentityConverter : ModelConverter<Identity>
{
    private const string Model = nameof(Identity);

    public static IdentityConverter Instance { get; } = new();

    protected override Identity ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? uuid = null;
        string? name = null;
        string? inbox = null;
        string? phoneNumber = null;
        DateTimeOffset? createdAt = null;
        DateTimeOffset? updatedAt = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("uuid"u8))
            {
                uuid = ModelReader.Id(ref reader, Model, "uuid");
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = ModelReader.String(ref reader, Model, "name");
            }
            else if (reader.ValueTextEquals("inbox"u8))
            {
                inbox = ModelReader.String(ref reader, Model, "inbox");
            }
            else if (reader.ValueTextEquals("phone"u8))
            {
                phoneNumber = ModelReader.String(ref reader, Model, "phone");
            }
            else if (reader.ValueTextEquals("created_dt"u8))
            {
                createdAt = ModelReader.DateTime(ref reader, Model, "created_dt");
            }
            else if (reader.ValueTextEquals("updated_dt"u8))
            {
                updatedAt = ModelReader.DateTime(ref reader, Model, "updated_dt");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new Identity
        {
            Uuid = ModelReader.Required(uuid, Model, "uuid"),
            Name = ModelReader.Required(name, Model, "name"),
            Inbox = inbox,
            PhoneNumber = phoneNumber,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, Identity value, JsonSerializerOptions options)
    {
        ModelWriter.String(writer, "uuid"u8, value.Uuid);
        ModelWriter.String(writer, "name"u8, value.Name);
        ModelWriter.String(writer, "inbox"u8, value.Inbox);
        ModelWriter.String(writer, "phone"u8, value.PhoneNumber);
        ModelWriter.DateTime(writer, "created_dt"u8, value.CreatedAt);
        ModelWriter.DateTime(writer, "updated_dt"u8, value.UpdatedAt);
    }
}

using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes a message of an SMS conversation detail: <see cref="SmsConversationMessage"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class SmsConversationMessageConverter : ModelConverter<SmsConversationMessage>
{
    private const string Model = nameof(SmsConversationMessage);

    public static SmsConversationMessageConverter Instance { get; } = new();

    protected override SmsConversationMessage ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        long id = default;
        string? body = null;
        MessageDirection? direction = null;
        bool isRead = default;
        DateTimeOffset? createdAt = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ModelReader.Int64(ref reader, Model, "id");
            }
            else if (reader.ValueTextEquals("body"u8))
            {
                body = ModelReader.String(ref reader, Model, "body");
            }
            else if (reader.ValueTextEquals("direction"u8))
            {
                direction = ModelReader.Direction(ref reader, Model, "direction");
            }
            else if (reader.ValueTextEquals("is_read"u8))
            {
                isRead = ModelReader.Boolean(ref reader, Model, "is_read");
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

        return new SmsConversationMessage
        {
            Id = id,
            Body = body,
            Direction = direction,
            IsRead = isRead,
            CreatedAt = createdAt,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, SmsConversationMessage value, JsonSerializerOptions options)
    {
        writer.WriteNumber("id"u8, value.Id);
        ModelWriter.String(writer, "body"u8, value.Body);
        ModelWriter.Direction(writer, "direction"u8, value.Direction);
        writer.WriteBoolean("is_read"u8, value.IsRead);
        ModelWriter.DateTime(writer, "created_dt"u8, value.CreatedAt);
    }
}

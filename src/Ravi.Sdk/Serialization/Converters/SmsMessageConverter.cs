using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes an SMS message: <see cref="SmsMessage"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class SmsMessageConverter : ModelConverter<SmsMessage>
{
    private const string Model = nameof(SmsMessage);

    public static SmsMessageConverter Instance { get; } = new();

    protected override SmsMessage ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        long id = default;
        Uri? url = null;
        string? fromNumber = null;
        string? toNumber = null;
        string? body = null;
        string? messageSid = null;
        string? phoneId = null;
        MessageDirection? direction = null;
        bool isRead = default;
        DateTimeOffset? createdAt = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ModelReader.Int64(ref reader, Model, "id");
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                url = ModelReader.Uri(ref reader, Model, "url");
            }
            else if (reader.ValueTextEquals("from_number"u8))
            {
                fromNumber = ModelReader.String(ref reader, Model, "from_number");
            }
            else if (reader.ValueTextEquals("to_number"u8))
            {
                toNumber = ModelReader.String(ref reader, Model, "to_number");
            }
            else if (reader.ValueTextEquals("body"u8))
            {
                body = ModelReader.String(ref reader, Model, "body");
            }
            else if (reader.ValueTextEquals("message_sid"u8))
            {
                messageSid = ModelReader.String(ref reader, Model, "message_sid");
            }
            else if (reader.ValueTextEquals("phone"u8))
            {
                phoneId = ModelReader.Id(ref reader, Model, "phone");
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

        return new SmsMessage
        {
            Id = id,
            Url = url,
            FromNumber = fromNumber,
            ToNumber = toNumber,
            Body = body,
            MessageSid = messageSid,
            PhoneId = phoneId,
            Direction = direction,
            IsRead = isRead,
            CreatedAt = createdAt,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, SmsMessage value, JsonSerializerOptions options)
    {
        writer.WriteNumber("id"u8, value.Id);
        ModelWriter.Uri(writer, "url"u8, value.Url);
        ModelWriter.String(writer, "from_number"u8, value.FromNumber);
        ModelWriter.String(writer, "to_number"u8, value.ToNumber);
        ModelWriter.String(writer, "body"u8, value.Body);
        ModelWriter.String(writer, "message_sid"u8, value.MessageSid);
        ModelWriter.String(writer, "phone"u8, value.PhoneId);
        ModelWriter.Direction(writer, "direction"u8, value.Direction);
        writer.WriteBoolean("is_read"u8, value.IsRead);
        ModelWriter.DateTime(writer, "created_dt"u8, value.CreatedAt);
    }
}

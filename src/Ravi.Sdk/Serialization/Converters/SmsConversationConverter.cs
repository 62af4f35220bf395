using System.Text.Json;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes an SMS conversation: <see cref="SmsConversation"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class SmsConversationConverter : ModelConverter<SmsConversation>
{
    private const string Model = nameof(SmsConversation);

    public static SmsConversationConverter Instance { get; } = new();

    protected override SmsConversation ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? conversationId = null;
        string? fromNumber = null;
        string? phoneId = null;
        string? phoneNumber = null;
        string? preview = null;
        int messageCount = default;
        int unreadCount = default;
        DateTimeOffset? latestMessageAt = null;
        List<SmsConversationMessage>? messages = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("conversation_id"u8))
            {
                conversationId = ModelReader.Id(ref reader, Model, "conversation_id");
            }
            else if (reader.ValueTextEquals("from_number"u8))
            {
                fromNumber = ModelReader.String(ref reader, Model, "from_number");
            }
            else if (reader.ValueTextEquals("phone"u8))
            {
                phoneId = ModelReader.Id(ref reader, Model, "phone");
            }
            else if (reader.ValueTextEquals("phone_number"u8))
            {
                phoneNumber = ModelReader.String(ref reader, Model, "phone_number");
            }
            else if (reader.ValueTextEquals("preview"u8))
            {
                preview = ModelReader.String(ref reader, Model, "preview");
            }
            else if (reader.ValueTextEquals("message_count"u8))
            {
                messageCount = ModelReader.Int32(ref reader, Model, "message_count");
            }
            else if (reader.ValueTextEquals("unread_count"u8))
            {
                unreadCount = ModelReader.Int32(ref reader, Model, "unread_count");
            }
            else if (reader.ValueTextEquals("latest_message_dt"u8))
            {
                latestMessageAt = ModelReader.DateTime(ref reader, Model, "latest_message_dt");
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                messages = ModelReader.Array(ref reader, SmsConversationMessageConverter.Instance, options, Model, "messages");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new SmsConversation
        {
            ConversationId = ModelReader.Required(conversationId, Model, "conversation_id"),
            FromNumber = fromNumber,
            PhoneId = phoneId,
            PhoneNumber = phoneNumber,
            Preview = preview,
            MessageCount = messageCount,
            UnreadCount = unreadCount,
            LatestMessageAt = latestMessageAt,
            Messages = EquatableList<SmsConversationMessage>.Own(messages),
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, SmsConversation value, JsonSerializerOptions options)
    {
        ModelWriter.String(writer, "conversation_id"u8, value.ConversationId);
        ModelWriter.String(writer, "from_number"u8, value.FromNumber);
        ModelWriter.String(writer, "phone"u8, value.PhoneId);
        ModelWriter.String(writer, "phone_number"u8, value.PhoneNumber);
        ModelWriter.String(writer, "preview"u8, value.Preview);
        writer.WriteNumber("message_count"u8, value.MessageCount);
        writer.WriteNumber("unread_count"u8, value.UnreadCount);
        ModelWriter.DateTime(writer, "latest_message_dt"u8, value.LatestMessageAt);
        ModelWriter.Array(writer, "messages"u8, value.Messages, SmsConversationMessageConverter.Instance, options);
    }
}

using System.Text.Json;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes an email thread with its messages: <see cref="EmailThreadDetail"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class EmailThreadDetailConverter : ModelConverter<EmailThreadDetail>
{
    private const string Model = nameof(EmailThreadDetail);

    public static EmailThreadDetailConverter Instance { get; } = new();

    protected override EmailThreadDetail ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? threadId = null;
        string? subject = null;
        int messageCount = default;
        List<EmailMessage>? messages = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("thread_id"u8))
            {
                threadId = ModelReader.Id(ref reader, Model, "thread_id");
            }
            else if (reader.ValueTextEquals("subject"u8))
            {
                subject = ModelReader.String(ref reader, Model, "subject");
            }
            else if (reader.ValueTextEquals("message_count"u8))
            {
                messageCount = ModelReader.Int32(ref reader, Model, "message_count");
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                messages = ModelReader.Array(ref reader, EmailMessageConverter.Instance, options, Model, "messages");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new EmailThreadDetail
        {
            ThreadId = ModelReader.Required(threadId, Model, "thread_id"),
            Subject = subject,
            MessageCount = messageCount,
            Messages = EquatableList<EmailMessage>.Own(messages),
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, EmailThreadDetail value, JsonSerializerOptions options)
    {
        ModelWriter.String(writer, "thread_id"u8, value.ThreadId);
        ModelWriter.String(writer, "subject"u8, value.Subject);
        writer.WriteNumber("message_count"u8, value.MessageCount);
        ModelWriter.Array(writer, "messages"u8, value.Messages, EmailMessageConverter.Instance, options);
    }
}

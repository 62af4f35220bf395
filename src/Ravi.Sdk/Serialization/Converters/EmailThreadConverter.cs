using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes an email thread (list view): <see cref="EmailThread"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class EmailThreadConverter : ModelConverter<EmailThread>
{
    private const string Model = nameof(EmailThread);

    public static EmailThreadConverter Instance { get; } = new();

    protected override EmailThread ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        string? threadId = null;
        string? subject = null;
        string? preview = null;
        string? fromEmail = null;
        string? inbox = null;
        int messageCount = default;
        int unreadCount = default;
        DateTimeOffset? latestMessageAt = null;
        DateTimeOffset? oldestMessageAt = null;
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
            else if (reader.ValueTextEquals("preview"u8))
            {
                preview = ModelReader.String(ref reader, Model, "preview");
            }
            else if (reader.ValueTextEquals("from_email"u8))
            {
                fromEmail = ModelReader.String(ref reader, Model, "from_email");
            }
            else if (reader.ValueTextEquals("inbox"u8))
            {
                inbox = ModelReader.String(ref reader, Model, "inbox");
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
            else if (reader.ValueTextEquals("oldest_message_dt"u8))
            {
                oldestMessageAt = ModelReader.DateTime(ref reader, Model, "oldest_message_dt");
            }
            else
            {
                ModelReader.Skip(ref reader);
            }
        }

        return new EmailThread
        {
            ThreadId = ModelReader.Required(threadId, Model, "thread_id"),
            Subject = subject,
            Preview = preview,
            FromEmail = fromEmail,
            Inbox = inbox,
            MessageCount = messageCount,
            UnreadCount = unreadCount,
            LatestMessageAt = latestMessageAt,
            OldestMessageAt = oldestMessageAt,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, EmailThread value, JsonSerializerOptions options)
    {
        ModelWriter.String(writer, "thread_id"u8, value.ThreadId);
        ModelWriter.String(writer, "subject"u8, value.Subject);
        ModelWriter.String(writer, "preview"u8, value.Preview);
        ModelWriter.String(writer, "from_email"u8, value.FromEmail);
        ModelWriter.String(writer, "inbox"u8, value.Inbox);
        writer.WriteNumber("message_count"u8, value.MessageCount);
        writer.WriteNumber("unread_count"u8, value.UnreadCount);
        ModelWriter.DateTime(writer, "latest_message_dt"u8, value.LatestMessageAt);
        ModelWriter.DateTime(writer, "oldest_message_dt"u8, value.OldestMessageAt);
    }
}

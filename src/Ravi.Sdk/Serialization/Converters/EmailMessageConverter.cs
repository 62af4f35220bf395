using System.Text.Json;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes an email message: <see cref="EmailMessage"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class EmailMessageConverter : ModelConverter<EmailMessage>
{
    private const string Model = nameof(EmailMessage);

    public static EmailMessageConverter Instance { get; } = new();

    protected override EmailMessage ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        long id = default;
        Uri? url = null;
        string? messageId = null;
        string? threadId = null;
        string? fromEmail = null;
        string? toEmail = null;
        string? cc = null;
        string? subject = null;
        string? textContent = null;
        string? htmlContent = null;
        MessageDirection? direction = null;
        bool isRead = default;
        List<EmailAttachment>? attachments = null;
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
            else if (reader.ValueTextEquals("message_id"u8))
            {
                messageId = ModelReader.Id(ref reader, Model, "message_id");
            }
            else if (reader.ValueTextEquals("thread_id"u8))
            {
                threadId = ModelReader.Id(ref reader, Model, "thread_id");
            }
            else if (reader.ValueTextEquals("from_email"u8))
            {
                fromEmail = ModelReader.String(ref reader, Model, "from_email");
            }
            else if (reader.ValueTextEquals("to_email"u8))
            {
                toEmail = ModelReader.String(ref reader, Model, "to_email");
            }
            else if (reader.ValueTextEquals("cc"u8))
            {
                cc = ModelReader.String(ref reader, Model, "cc");
            }
            else if (reader.ValueTextEquals("subject"u8))
            {
                subject = ModelReader.String(ref reader, Model, "subject");
            }
            else if (reader.ValueTextEquals("text_content"u8))
            {
                textContent = ModelReader.String(ref reader, Model, "text_content");
            }
            else if (reader.ValueTextEquals("html_content"u8))
            {
                htmlContent = ModelReader.String(ref reader, Model, "html_content");
            }
            else if (reader.ValueTextEquals("direction"u8))
            {
                direction = ModelReader.Direction(ref reader, Model, "direction");
            }
            else if (reader.ValueTextEquals("is_read"u8))
            {
                isRead = ModelReader.Boolean(ref reader, Model, "is_read");
            }
            else if (reader.ValueTextEquals("attachments"u8))
            {
                attachments = ModelReader.Array(ref reader, EmailAttachmentConverter.Instance, options, Model, "attachments");
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

        return new EmailMessage
        {
            Id = id,
            Url = url,
            MessageId = messageId,
            ThreadId = threadId,
            FromEmail = fromEmail,
            ToEmail = toEmail,
            Cc = cc,
            Subject = subject,
            TextContent = textContent,
            HtmlContent = htmlContent,
            Direction = direction,
            IsRead = isRead,
            Attachments = EquatableList<EmailAttachment>.Own(attachments),
            CreatedAt = createdAt,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, EmailMessage value, JsonSerializerOptions options)
    {
        writer.WriteNumber("id"u8, value.Id);
        ModelWriter.Uri(writer, "url"u8, value.Url);
        ModelWriter.String(writer, "message_id"u8, value.MessageId);
        ModelWriter.String(writer, "thread_id"u8, value.ThreadId);
        ModelWriter.String(writer, "from_email"u8, value.FromEmail);
        ModelWriter.String(writer, "to_email"u8, value.ToEmail);
        ModelWriter.String(writer, "cc"u8, value.Cc);
        ModelWriter.String(writer, "subject"u8, value.Subject);
        ModelWriter.String(writer, "text_content"u8, value.TextContent);
        ModelWriter.String(writer, "html_content"u8, value.HtmlContent);
        ModelWriter.Direction(writer, "direction"u8, value.Direction);
        writer.WriteBoolean("is_read"u8, value.IsRead);
        ModelWriter.Array(writer, "attachments"u8, value.Attachments, EmailAttachmentConverter.Instance, options);
        ModelWriter.DateTime(writer, "created_dt"u8, value.CreatedAt);
    }
}

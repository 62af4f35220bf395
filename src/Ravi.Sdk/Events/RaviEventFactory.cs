using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Events;

/// <summary>
/// Turns a dispatched event (type, data and id as the parser hands them out) into its typed form; never throws on bad
/// data. The only place that knows Ravi's event types.
/// </summary>
/// <remarks>
/// The data of a known type is parsed straight from its UTF-8 bytes (no string round trip); <see cref="RaviEvent.Data"/>
/// is decoded from the same bytes once. Data that is not valid UTF-8 is parsed from its decoded string instead (invalid
/// sequences become U+FFFD), as a string-based reader would see it.
/// </remarks>
internal static class RaviEventFactory
{
    /// <summary>Builds the event from UTF-8 type and data.</summary>
    public static RaviEvent Create(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, string? id)
    {
        if (eventType.SequenceEqual("email"u8))
        {
            var text = Decode(data);
            var email = TryParse(data, text, RaviJsonContext.Default.EmailEventPayload);
            if (!string.IsNullOrEmpty(email?.ThreadId))
            {
                return new EmailReceived { Data = text, Id = id, ThreadId = email.ThreadId, FromEmail = email.FromEmail, Subject = email.Subject, Preview = email.Preview };
            }

            return new RaviRawEvent(RaviEventTypes.Email) { Data = text, Id = id };
        }

        if (eventType.SequenceEqual("sms"u8))
        {
            var text = Decode(data);
            var sms = TryParse(data, text, RaviJsonContext.Default.SmsEventPayload);
            if (!string.IsNullOrEmpty(sms?.ConversationId))
            {
                return new SmsReceived { Data = text, Id = id, ConversationId = sms.ConversationId, FromNumber = sms.FromNumber, Preview = sms.Preview };
            }

            return new RaviRawEvent(RaviEventTypes.Sms) { Data = text, Id = id };
        }

        var type = eventType.SequenceEqual("message"u8) ? RaviEventTypes.Message : Encoding.UTF8.GetString(eventType);
        return new RaviRawEvent(type) { Data = Decode(data), Id = id };
    }

    private static string Decode(ReadOnlySpan<byte> data) => data.IsEmpty ? string.Empty : Encoding.UTF8.GetString(data);

    private static T? TryParse<T>(ReadOnlySpan<byte> data, string text, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            // Malformed UTF-8 would fail the byte reader where the decoded string (with U+FFFD) parses: keep the string's view.
            return Utf8.IsValid(data) ? JsonSerializer.Deserialize(data, typeInfo) : JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException)
        {
            return null; // malformed data on a known type: surface it raw rather than breaking the stream
        }
    }
}

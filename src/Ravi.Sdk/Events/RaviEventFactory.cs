using System.Text.Json;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Events;

/// <summary>Turns a dispatched event into its typed form; never throws on bad data.</summary>
internal static class RaviEventFactory
{
    public static RaviEvent Create(string eventType, string data, string? id)
    {
        try
        {
            if (ReferenceEquals(eventType, RaviEventTypes.Email) || eventType == RaviEventTypes.Email)
            {
                var email = JsonSerializer.Deserialize(data, RaviJsonContext.Default.EmailEventPayload);
                if (!string.IsNullOrEmpty(email?.ThreadId))
                {
                    return new EmailReceived { Data = data, Id = id, ThreadId = email.ThreadId, FromEmail = email.FromEmail, Subject = email.Subject, Preview = email.Preview };
                }
            }
            else if (ReferenceEquals(eventType, RaviEventTypes.Sms) || eventType == RaviEventTypes.Sms)
            {
                var sms = JsonSerializer.Deserialize(data, RaviJsonContext.Default.SmsEventPayload);
                if (!string.IsNullOrEmpty(sms?.ConversationId))
                {
                    return new SmsReceived { Data = data, Id = id, ConversationId = sms.ConversationId, FromNumber = sms.FromNumber, Preview = sms.Preview };
                }
            }
        }
        catch (JsonException)
        {
            // Malformed data on a known type: surface it raw rather than breaking the stream.
        }

        return new RaviRawEvent(eventType) { Data = data, Id = id };
    }
}

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
                    return new EmailReceived(data, id, email.ThreadId, email.FromEmail, email.Subject, email.Preview);
                }
            }
            else if (ReferenceEquals(eventType, RaviEventTypes.Sms) || eventType == RaviEventTypes.Sms)
            {
                var sms = JsonSerializer.Deserialize(data, RaviJsonContext.Default.SmsEventPayload);
                if (!string.IsNullOrEmpty(sms?.ConversationId))
                {
                    return new SmsReceived(data, id, sms.ConversationId, sms.FromNumber, sms.Preview);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed data on a known type: surface it raw rather than breaking the stream.
        }

        return new RaviRawEvent(eventType, data, id);
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>SMS: messages, conversations and injected inbound texts (callers hold <see cref="Sync"/>).</summary>
internal sealed partial class ServerState
{
    private readonly Dictionary<long, SmsMessageRecord> _sms = [];
    private long _nextSmsId;

    public SmsMessageRecord? FindSms(IdentityRecord identity, long id) =>
        _sms.TryGetValue(id, out var message) && message.IdentityUuid == identity.Uuid ? message : null;

    public RaviInjectedSms InjectSms(IdentityRecord identity, string from, string body)
    {
        if (!identity.ConversationByNumber.TryGetValue(from, out var conversationId))
        {
            conversationId = "conv-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            identity.ConversationByNumber.Add(from, conversationId);
        }

        var message = new SmsMessageRecord
        {
            Id = ++_nextSmsId,
            IdentityUuid = identity.Uuid,
            ConversationId = conversationId,
            From = from,
            To = identity.PhoneNumber,
            Body = body,
            MessageSid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Inbound = true,
            CreatedAt = Now,
        };
        _sms.Add(message.Id, message);
        identity.Sms.Add(message);
        var data = new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["from_number"] = from,
            ["preview"] = Preview(body),
        };
        var eventId = AppendEvent(identity, "sms", Wire.ToJson(data));
        return new RaviInjectedSms { MessageId = message.Id, ConversationId = conversationId, EventId = eventId };
    }
}

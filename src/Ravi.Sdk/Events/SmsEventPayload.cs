using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Events;

/// <summary>The JSON data of an <c>sms</c> event (internal and mapped by hand, so a mutable class: the context's fastest shape).</summary>
internal sealed class SmsEventPayload
{
    [JsonPropertyName("conversation_id")]
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? ConversationId { get; set; }

    [JsonPropertyName("from_number")]
    public string? FromNumber { get; set; }

    [JsonPropertyName("preview")]
    public string? Preview { get; set; }
}

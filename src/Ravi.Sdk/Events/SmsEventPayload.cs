using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Events;

/// <summary>The JSON data of an <c>sms</c> event.</summary>
internal sealed record SmsEventPayload
{
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? ConversationId { get; init; }

    public string? FromNumber { get; init; }

    public string? Preview { get; init; }
}

using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Events;

/// <summary>The JSON data of an <c>email</c> event (internal and mapped by hand, so a mutable class: the context's fastest shape).</summary>
internal sealed class EmailEventPayload
{
    [JsonPropertyName("thread_id")]
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? ThreadId { get; set; }

    [JsonPropertyName("from_email")]
    public string? FromEmail { get; set; }

    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    [JsonPropertyName("preview")]
    public string? Preview { get; set; }
}

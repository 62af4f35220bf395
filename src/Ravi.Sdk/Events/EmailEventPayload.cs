using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Events;

/// <summary>The JSON data of an <c>email</c> event.</summary>
internal sealed record EmailEventPayload
{
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? ThreadId { get; init; }

    public string? FromEmail { get; init; }

    public string? Subject { get; init; }

    public string? Preview { get; init; }
}

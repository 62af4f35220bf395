using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>A phone number assigned to an identity.</summary>
public sealed record Phone
{
    /// <summary>The phone record id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The number in E.164 form.</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; init; }

    /// <summary>The telephony provider.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>When it was assigned.</summary>
    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; init; }
}

using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>An identity: one email inbox, one phone number and one credential vault.</summary>
public sealed record Identity
{
    /// <summary>The identity's UUID (the <c>X-Ravi-Identity</c> value).</summary>
    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }

    /// <summary>The identity's name, unique within the account.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The identity's email address, e.g. <c>my-agent@in.ravi.app</c>.</summary>
    [JsonPropertyName("inbox")]
    public string? Inbox { get; init; }

    /// <summary>The identity's phone number in E.164 form.</summary>
    [JsonPropertyName("phone")]
    public string? PhoneNumber { get; init; }

    /// <summary>When the identity was created.</summary>
    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the identity was last updated.</summary>
    [JsonPropertyName("updated_dt")]
    public DateTimeOffset? UpdatedAt { get; init; }
}

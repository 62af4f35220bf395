using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/vault/</c> (value and notes already encrypted).</summary>
internal sealed record VaultWriteBody
{
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }
}

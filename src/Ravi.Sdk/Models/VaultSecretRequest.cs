using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>A vault secret to create or update (by key). <see cref="Value"/> and <see cref="Notes"/> are encrypted client-side.</summary>
public sealed record VaultSecretRequest
{
    /// <summary>The secret's key (name). Required.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>The secret value. Required.</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>Notes.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"VaultSecretRequest {{ Key = {Key}, Value = *** }}";
}

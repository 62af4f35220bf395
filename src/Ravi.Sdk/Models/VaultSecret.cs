using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>
/// A named secret (API key, token…) in an identity's vault. <see cref="Value"/> is decrypted on read when the client
/// is unlocked; lists return it redacted (null).
/// </summary>
public sealed record VaultSecret
{
    /// <summary>The secret's UUID.</summary>
    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }

    /// <summary>
    /// The UUID of the identity that owns it. A service that numbers identities (the one the official CLI targets) sends
    /// a number instead, kept as its decimal string (<c>7</c> → <c>"7"</c>; see docs/compatibility.md).
    /// </summary>
    [JsonPropertyName("identity")]
    public string? IdentityUuid { get; init; }

    /// <summary>The secret's key (name), e.g. <c>OPENAI_API_KEY</c> (plaintext).</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>The value (decrypted), or null when redacted (lists) or encrypted with the client locked.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    /// <summary>Notes (decrypted), or null.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Which fields are still encrypted (client locked).</summary>
    [JsonIgnore]
    public EncryptedFields EncryptedFields { get; init; }

    /// <summary>When the secret was created.</summary>
    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it was last updated.</summary>
    [JsonPropertyName("updated_dt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"VaultSecret {{ Uuid = {Uuid}, Key = {Key}, Value = {(Value is null ? "null" : "***")}, EncryptedFields = {EncryptedFields} }}";
}

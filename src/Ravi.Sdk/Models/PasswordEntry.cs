using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>
/// A stored website credential. Secret fields are decrypted on read when the client is unlocked; when it is locked,
/// the encrypted ones are <see langword="null"/> and listed in <see cref="EncryptedFields"/>.
/// </summary>
public sealed record PasswordEntry
{
    /// <summary>The entry's UUID.</summary>
    [JsonPropertyName("uuid")]
    public required string Uuid { get; init; }

    /// <summary>
    /// The UUID of the identity that owns it. A service that numbers identities (the one the official CLI targets) sends
    /// a number instead, kept as its decimal string (<c>7</c> → <c>"7"</c>; see docs/compatibility.md).
    /// </summary>
    [JsonPropertyName("identity")]
    public string? IdentityUuid { get; init; }

    /// <summary>The website domain, e.g. <c>example.com</c> (plaintext).</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>The username (decrypted), or null when it is encrypted and the client is locked.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>The password (decrypted), or null when it is encrypted and the client is locked.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>Notes (decrypted), or null when encrypted and the client is locked.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Which fields are still encrypted (client locked).</summary>
    [JsonIgnore]
    public EncryptedFields EncryptedFields { get; init; }

    /// <summary>When the entry was created.</summary>
    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the entry was last updated.</summary>
    [JsonPropertyName("updated_dt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"PasswordEntry {{ Uuid = {Uuid}, Domain = {Domain}, Username = {(Username is null ? "null" : "***")}, Password = {(Password is null ? "null" : "***")}, EncryptedFields = {EncryptedFields} }}";
}

namespace Ravi.Sdk.Models;

/// <summary>
/// A named secret (API key, token…) in an identity's vault. <see cref="Value"/> is decrypted on read when the client
/// is unlocked; lists return it redacted (null).
/// </summary>
public sealed record VaultSecret
{
    /// <summary>The secret's UUID.</summary>
    public required string Uuid { get; init; }

    /// <summary>
    /// The identity that owns it, as the server reports it: a UUID, or the identity's numeric id written as digits
    /// (the service the official CLI targets sends a number; see docs/compatibility.md).
    /// </summary>
    public string? Identity { get; init; }

    /// <summary>The secret's key (name), e.g. <c>OPENAI_API_KEY</c> (plaintext).</summary>
    public required string Key { get; init; }

    /// <summary>The value (decrypted), or null when redacted (lists) or encrypted with the client locked.</summary>
    public string? Value { get; init; }

    /// <summary>Notes (decrypted), or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Which fields are still encrypted (client locked).</summary>
    public RaviEncryptedFields EncryptedFields { get; init; }

    /// <summary>When the secret was created.</summary>
    public DateTimeOffset? CreatedDt { get; init; }

    /// <summary>When it was last updated.</summary>
    public DateTimeOffset? UpdatedDt { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"VaultSecret {{ Uuid = {Uuid}, Key = {Key}, Value = {(Value is null ? "null" : "***")}, EncryptedFields = {EncryptedFields} }}";
}

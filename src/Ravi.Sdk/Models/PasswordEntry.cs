namespace Ravi.Sdk.Models;

/// <summary>
/// A stored website credential. Secret fields are decrypted on read when the client is unlocked; when it is locked,
/// the encrypted ones are <see langword="null"/> and listed in <see cref="EncryptedFields"/>.
/// </summary>
public sealed record PasswordEntry
{
    /// <summary>The entry's UUID.</summary>
    public required string Uuid { get; init; }

    /// <summary>
    /// The identity that owns it, as the server reports it: a UUID, or the identity's numeric id written as digits
    /// (the service the official CLI targets sends a number; see docs/compatibility.md).
    /// </summary>
    public string? Identity { get; init; }

    /// <summary>The website domain, e.g. <c>example.com</c> (plaintext).</summary>
    public string? Domain { get; init; }

    /// <summary>The username (decrypted), or null when it is encrypted and the client is locked.</summary>
    public string? Username { get; init; }

    /// <summary>The password (decrypted), or null when it is encrypted and the client is locked.</summary>
    public string? Password { get; init; }

    /// <summary>Notes (decrypted), or null when encrypted and the client is locked.</summary>
    public string? Notes { get; init; }

    /// <summary>Which fields are still encrypted (client locked).</summary>
    public RaviEncryptedFields EncryptedFields { get; init; }

    /// <summary>When the entry was created.</summary>
    public DateTimeOffset? CreatedDt { get; init; }

    /// <summary>When the entry was last updated.</summary>
    public DateTimeOffset? UpdatedDt { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"PasswordEntry {{ Uuid = {Uuid}, Domain = {Domain}, Username = {(Username is null ? "null" : "***")}, Password = {(Password is null ? "null" : "***")}, EncryptedFields = {EncryptedFields} }}";
}

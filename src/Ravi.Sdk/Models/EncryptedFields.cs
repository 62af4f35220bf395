namespace Ravi.Sdk.Models;

/// <summary>
/// Which secret fields of a vault or password entry could not be decrypted because the client is locked.
/// Those properties are <see langword="null"/>: ciphertext is never handed out as if it were the secret.
/// </summary>
[Flags]
public enum EncryptedFields
{
    /// <summary>Every field is plaintext (decrypted, or never encrypted).</summary>
    None = 0,

    /// <summary>The username is encrypted.</summary>
    Username = 1,

    /// <summary>The password is encrypted.</summary>
    Password = 2,

    /// <summary>The notes are encrypted.</summary>
    Notes = 4,

    /// <summary>The vault secret's value is encrypted.</summary>
    Value = 8,
}

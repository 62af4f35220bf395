using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>The account's end-to-end encryption metadata: everything needed to check a PIN, nothing secret.</summary>
public sealed record EncryptionMetadata
{
    /// <summary>The metadata record id.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    /// <summary>The Argon2id salt (16 bytes, standard base64).</summary>
    [JsonPropertyName("salt")]
    public string? Salt { get; init; }

    /// <summary>A sealed box of <c>ravi-e2e-verify</c> (standard base64, no prefix).</summary>
    [JsonPropertyName("verifier")]
    public string? Verifier { get; init; }

    /// <summary>The X25519 public key (32 bytes, standard base64).</summary>
    [JsonPropertyName("public_key")]
    public string? PublicKey { get; init; }
}

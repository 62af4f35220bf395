using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>
/// A password entry as it is on the wire (secret fields may be <c>e2e::</c> ciphertext). Internal and mapped to the public
/// <see cref="Models.PasswordEntry"/> by hand, so a mutable class: the source-generated context's fastest shape.
/// </summary>
internal sealed class PasswordEntryWire
{
    [JsonPropertyName("uuid")]
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string Uuid { get; set; } = "";

    [JsonPropertyName("identity")]
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? Identity { get; set; }

    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    [JsonPropertyName("username")]
    public string? Username { get; set; }

    [JsonPropertyName("password")]
    public string? Password { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updated_dt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Never shows the secret fields.</summary>
    public override string ToString() => $"PasswordEntryWire {{ Uuid = {Uuid}, Domain = {Domain} }}";
}

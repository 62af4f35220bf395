using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>
/// A vault secret as it is on the wire. Internal and mapped to the public <see cref="Models.VaultSecret"/> by hand, so a
/// mutable class: the source-generated context's fastest shape.
/// </summary>
internal sealed class VaultSecretWire
{
    [JsonPropertyName("uuid")]
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string Uuid { get; set; } = "";

    [JsonPropertyName("identity")]
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? Identity { get; set; }

    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    [JsonPropertyName("value")]
    public string? Value { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("created_dt")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("updated_dt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Never shows the secret fields.</summary>
    public override string ToString() => $"VaultSecretWire {{ Uuid = {Uuid}, Key = {Key} }}";
}

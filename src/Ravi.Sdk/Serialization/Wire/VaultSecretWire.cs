using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>A vault secret as it is on the wire.</summary>
internal sealed record VaultSecretWire
{
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string Uuid { get; init; } = "";

    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? Identity { get; init; }

    public string Key { get; init; } = "";

    public string? Value { get; init; }

    public string? Notes { get; init; }

    public DateTimeOffset? CreatedDt { get; init; }

    public DateTimeOffset? UpdatedDt { get; init; }
}

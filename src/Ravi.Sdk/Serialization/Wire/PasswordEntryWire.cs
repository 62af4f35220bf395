using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>A password entry as it is on the wire (secret fields may be <c>e2e::</c> ciphertext).</summary>
internal sealed record PasswordEntryWire
{
    [JsonConverter(typeof(RaviIdStringConverter))]
    public string Uuid { get; init; } = "";

    [JsonConverter(typeof(RaviIdStringConverter))]
    public string? Identity { get; init; }

    public string? Domain { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Notes { get; init; }

    public DateTimeOffset? CreatedDt { get; init; }

    public DateTimeOffset? UpdatedDt { get; init; }
}

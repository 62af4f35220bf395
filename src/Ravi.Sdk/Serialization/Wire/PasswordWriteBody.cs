using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST/PUT /api/passwords/</c> (secret fields already encrypted).</summary>
internal sealed record PasswordWriteBody
{
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }

    [JsonPropertyName("password")]
    public string? Password { get; init; }

    [JsonPropertyName("notes")]
    public string? Notes { get; init; }
}

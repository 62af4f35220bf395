using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Response of <c>GET /api/passwords/generate_password/</c>.</summary>
internal sealed class GeneratedPasswordWire
{
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Never shows the secret.</summary>
    public override string ToString() => "GeneratedPasswordWire { Password = *** }";
}

using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/auth/device/token/</c>.</summary>
internal sealed record DeviceTokenBody([property: JsonPropertyName("device_code")] string DeviceCode)
{
    /// <summary>Never shows the secret.</summary>
    public override string ToString() => "DeviceTokenBody { DeviceCode = *** }";
}

using System.Text.Json.Serialization;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>A token response: <c>access</c>/<c>refresh</c> (what the CLI reads) or <c>access_token</c>/<c>refresh_token</c> (what the docs print).</summary>
internal sealed class TokenWire
{
    [JsonPropertyName("access")]
    public string? Access { get; set; }

    [JsonPropertyName("refresh")]
    public string? Refresh { get; set; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("user")]
    public AccountUser? User { get; set; }

    /// <summary>The access token under either name.</summary>
    [JsonIgnore]
    public string? EffectiveAccess => AccessToken ?? Access;

    /// <summary>The refresh token under either name (null when the server did not rotate it).</summary>
    [JsonIgnore]
    public string? EffectiveRefresh => RefreshToken ?? Refresh;

    /// <summary>Never shows the tokens.</summary>
    public override string ToString() => $"TokenWire {{ Access = ***, Refresh = ***, User = {User?.Email} }}";
}

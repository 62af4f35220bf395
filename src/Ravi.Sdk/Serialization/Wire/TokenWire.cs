using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>A token response: <c>access</c>/<c>refresh</c> (what the CLI reads) or <c>access_token</c>/<c>refresh_token</c> (what the docs print).</summary>
internal sealed record TokenWire
{
    public string? Access { get; init; }

    public string? Refresh { get; init; }

    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public RaviUser? User { get; init; }

    /// <summary>The access token under either name.</summary>
    public string? EffectiveAccess => AccessToken ?? Access;

    /// <summary>The refresh token under either name (null when the server did not rotate it).</summary>
    public string? EffectiveRefresh => RefreshToken ?? Refresh;

    /// <summary>Never shows the tokens.</summary>
    public override string ToString() => $"TokenWire {{ Access = ***, Refresh = ***, User = {User?.Email} }}";
}

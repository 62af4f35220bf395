namespace Ravi.Sdk.Testing;

/// <summary>An access/refresh token pair issued by a <see cref="RaviTestServer"/>.</summary>
public sealed record RaviTestTokens
{
    /// <summary>The JWT-shaped access token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The JWT-shaped refresh token.</summary>
    public required string RefreshToken { get; init; }

    /// <inheritdoc/>
    public override string ToString() => "RaviTestTokens { AccessToken = ***, RefreshToken = *** }";
}

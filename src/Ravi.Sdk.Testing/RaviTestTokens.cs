namespace Ravi.Sdk.Testing;

/// <summary>An access/refresh token pair issued by a <see cref="RaviTestServer"/>.</summary>
/// <param name="AccessToken">The JWT-shaped access token.</param>
/// <param name="RefreshToken">The JWT-shaped refresh token.</param>
public sealed record RaviTestTokens(string AccessToken, string RefreshToken)
{
    /// <inheritdoc/>
    public override string ToString() => "RaviTestTokens { AccessToken = ***, RefreshToken = *** }";
}

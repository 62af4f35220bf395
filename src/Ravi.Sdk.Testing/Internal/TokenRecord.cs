namespace Ravi.Sdk.Testing.Internal;

/// <summary>The server-side record of an issued JWT (access or refresh), keyed by <c>jti</c>.</summary>
internal sealed class TokenRecord(string jti, long userId, DateTimeOffset expiresAt)
{
    public string Jti { get; } = jti;
    public long UserId { get; } = userId;
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>Forced to look expired (<see cref="RaviTestServer.ExpireAllTokens"/>).</summary>
    public bool ForcedExpired { get; set; }

    /// <summary>Invalid for good (logout, or a refresh token that was already rotated).</summary>
    public bool Revoked { get; set; }
}

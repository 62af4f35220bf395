namespace Ravi.Sdk.Auth;

/// <summary>
/// The time and the <see cref="RaviClientOptions.TokenRefreshSkew"/> a renewal judges tokens by: the token handler passes its
/// own (the client's <see cref="RaviClientOptions.TimeProvider"/>), so the credential keeps no clock of its own.
/// </summary>
internal readonly record struct RaviTokenClock(TimeProvider Time, TimeSpan Skew)
{
    /// <summary>The system clock with the default skew (60 s), for renewals that do not come through a client's handler.</summary>
    public static RaviTokenClock System => new(TimeProvider.System, TimeSpan.FromSeconds(60));

    /// <summary>Whether <paramref name="accessToken"/> is a JWT whose <c>exp</c> is within the skew or past; opaque tokens never are.</summary>
    public bool IsExpired(string accessToken) => RaviJwt.TryGetExpiry(accessToken) is { } exp && exp - Time.GetUtcNow() <= Skew;
}

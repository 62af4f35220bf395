namespace Ravi.Sdk.Auth;

/// <summary>Questions the HTTP layer asks about the SDK's own credential types (custom <see cref="IRaviCredential"/>s answer no).</summary>
internal static class RaviCredentials
{
    /// <summary>
    /// Renews <paramref name="credential"/>; the SDK's own credentials log what the renewal does to <paramref name="logger"/>
    /// (the calling client's: a credential shared by several clients holds no logger of its own) and judge tokens found in
    /// their store by <paramref name="clock"/> (the client's time and refresh skew).
    /// </summary>
    public static ValueTask<RaviTokens> RefreshAsync(IRaviCredential credential, RaviTokens rejected, RaviTokenRefreshCallback refresh, Microsoft.Extensions.Logging.ILogger logger, RaviTokenClock clock, CancellationToken cancellationToken) => credential switch
    {
        RaviCredential own => own.RefreshAsync(rejected, refresh, logger, clock, cancellationToken),
        RaviCliCredential cli => cli.RefreshAsync(rejected, refresh, logger, clock, cancellationToken),
        _ => credential.RefreshAsync(rejected, refresh, cancellationToken),
    };

    /// <summary>Whether <paramref name="tokens"/> were adopted from the store without a renewal since (see <see cref="RaviCredential.IsUnconfirmedAdoption"/>).</summary>
    public static bool IsUnconfirmedAdoption(IRaviCredential credential, RaviTokens tokens) => credential switch
    {
        RaviCredential own => own.IsUnconfirmedAdoption(tokens),
        RaviCliCredential { Current: { } current } => current.IsUnconfirmedAdoption(tokens),
        _ => false,
    };
}

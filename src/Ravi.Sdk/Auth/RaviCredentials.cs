namespace Ravi.Sdk.Auth;

/// <summary>Questions the HTTP layer asks about the SDK's own credential types (custom <see cref="IRaviCredential"/>s answer no).</summary>
internal static class RaviCredentials
{
    /// <summary>Whether <paramref name="tokens"/> were adopted from the store without a renewal since (see <see cref="RaviCredential.IsUnconfirmedAdoption"/>).</summary>
    public static bool IsUnconfirmedAdoption(IRaviCredential credential, RaviTokens tokens) => credential switch
    {
        RaviCredential own => own.IsUnconfirmedAdoption(tokens),
        RaviCliCredential { Current: { } current } => current.IsUnconfirmedAdoption(tokens),
        _ => false,
    };
}

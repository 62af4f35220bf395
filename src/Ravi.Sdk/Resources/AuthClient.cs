using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Resources;

/// <summary>Authentication endpoints: <c>/api/auth/…</c>.</summary>
public class AuthClient
{
    private const string Path = "api/auth/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected AuthClient()
    {
    }

    internal AuthClient(RaviScope scope) => _scope = scope;

    /// <summary>Starts a device-code login (<c>POST /api/auth/device/</c>, RFC 8628 §3.1).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user code and verification URI to show the user.</returns>
    public virtual Task<DeviceAuthorization> RequestDeviceCodeAsync(CancellationToken cancellationToken = default)
    {
        var request = Anonymous(HttpMethod.Post, Path + "device/");
        RaviPipeline.SetJsonBody(request, new EmptyBody(), RaviJsonContext.Default.EmptyBody);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.DeviceAuthorization, cancellationToken);
    }

    /// <summary>
    /// Polls once for the device-code token (<c>POST /api/auth/device/token/</c>). While the user has not approved,
    /// this throws <see cref="RaviBadRequestException"/> with <see cref="RaviApiException.Code"/> <c>authorization_pending</c>
    /// (or <c>slow_down</c>, <c>expired_token</c>, <c>access_denied</c>).
    /// </summary>
    /// <param name="deviceCode">The device code from <see cref="RequestDeviceCodeAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens once approved.</returns>
    public virtual async Task<RaviTokens> PollDeviceTokenAsync(string deviceCode, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(deviceCode);
        var request = Anonymous(HttpMethod.Post, Path + "device/token/");
        RaviPipeline.SetJsonBody(request, new DeviceTokenBody(deviceCode), RaviJsonContext.Default.DeviceTokenBody);
        return ToTokens(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.TokenWire, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Exchanges a refresh token for a new access token (<c>POST /api/auth/token/refresh/</c>).</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens; the refresh token is the old one when the server did not rotate it.</returns>
    public virtual async Task<RaviTokens> RefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(refreshToken);
        var request = Anonymous(HttpMethod.Post, Path + "token/refresh/");
        RaviPipeline.SetJsonBody(request, new RefreshBody(refreshToken), RaviJsonContext.Default.RefreshBody);
        return ToTokens(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.TokenWire, cancellationToken).ConfigureAwait(false), refreshToken);
    }

    /// <summary>Logs in with email and password (<c>POST /api/auth/login/</c>).</summary>
    /// <param name="email">The account email.</param>
    /// <param name="password">The account password (never logged).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens.</returns>
    public virtual async Task<RaviTokens> LoginAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(email);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var request = Anonymous(HttpMethod.Post, Path + "login/");
        RaviPipeline.SetJsonBody(request, new LoginBody(email, password), RaviJsonContext.Default.LoginBody);
        return ToTokens(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.TokenWire, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Invalidates the tokens on the server (<c>POST /api/auth/logout/</c>).</summary>
    /// <param name="refreshToken">The refresh token to revoke, if known.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server logged out.</returns>
    public virtual Task LogoutAsync(string? refreshToken = null, CancellationToken cancellationToken = default)
    {
        var request = _scope.Request(HttpMethod.Post, Path + "logout/", IdentityScope.None);
        RaviPipeline.SetJsonBody(request, new RefreshBody(refreshToken), RaviJsonContext.Default.RefreshBody);
        return _scope.Pipeline.SendAsync(request, cancellationToken);
    }

    /// <summary>Gets the signed-in user (<c>GET /api/auth/user/</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    public virtual Task<RaviUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Get, Path + "user/", IdentityScope.None), RaviJsonContext.Default.RaviUser, cancellationToken);

    private HttpRequestMessage Anonymous(HttpMethod method, string path)
    {
        var request = _scope.Request(method, path, IdentityScope.None);
        request.Options.Set(RaviHeaders.Anonymous, true);
        return request;
    }

    private static RaviTokens ToTokens(TokenWire wire, string? previousRefresh)
    {
        var access = wire.EffectiveAccess;
        if (string.IsNullOrEmpty(access))
        {
            throw new RaviApiException("The token response has no access token.", new RaviErrorDetails { StatusCode = System.Net.HttpStatusCode.OK });
        }

        return new RaviTokens { AccessToken = access, RefreshToken = wire.EffectiveRefresh ?? previousRefresh, User = wire.User };
    }
}

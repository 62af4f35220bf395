using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>
/// Exchanges a refresh token for new tokens (<c>POST /api/auth/token/refresh/</c>) through the client's transport.
/// Throws <see cref="RaviAuthenticationException"/> when the server rejects the refresh token.
/// </summary>
/// <param name="refreshToken">The refresh token to exchange.</param>
/// <param name="cancellationToken">Cancels the call.</param>
/// <returns>The new tokens; the refresh token is the old one when the server did not rotate it.</returns>
public delegate Task<RaviTokens> RaviTokenRefreshCallback(string refreshToken, CancellationToken cancellationToken);

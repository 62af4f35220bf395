using Microsoft.Extensions.Logging;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Resources;

/// <summary>
/// Authentication: sign in (device-code flow or password), sign out, the current user, and the raw token endpoints
/// (<c>/api/auth/…</c>). Signing in replaces the client's credential (shared by all its identity views) and saves the tokens
/// to its token store (with the CLI configuration: <c>auth.json</c> in <see cref="RaviClientOptions.ConfigDirectory"/> or
/// <c>RAVI_CONFIG_DIR</c>, else <c>~/.ravi</c>; never over another account's file).
/// </summary>
public class AuthClient
{
    private const string Path = "api/auth/";
    private static readonly TimeSpan SlowDownIncrement = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected AuthClient()
    {
    }

    internal AuthClient(RaviScope scope) => _scope = scope;

    /// <summary>Starts a device-code login (<c>POST /api/auth/device/</c>, RFC 8628 §3.1).</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user code and verification URI to show the user.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<DeviceAuthorization> RequestDeviceCodeAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return RequestDeviceCodeCoreAsync(requestOptions, cancellationToken);
    }

    /// <summary>
    /// Polls once for the device-code token (<c>POST /api/auth/device/token/</c>). While the user has not approved,
    /// this throws <see cref="RaviBadRequestException"/> with <see cref="RaviApiException.Code"/> <c>authorization_pending</c>
    /// (or <c>slow_down</c>, <c>expired_token</c>, <c>access_denied</c>).
    /// </summary>
    /// <param name="deviceCode">The device code from <see cref="RequestDeviceCodeAsync"/>.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens once approved (the client's credential is not changed: use <see cref="LoginWithDeviceCodeAsync(Func{DeviceAuthorization, CancellationToken, Task}, RaviRequestOptions?, CancellationToken)"/> to sign in).</returns>
    /// <exception cref="RaviBadRequestException">Not approved (yet): see <see cref="RaviApiException.Code"/>.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<RaviTokens> PollDeviceTokenAsync(string deviceCode, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.NotEmpty(deviceCode);
        return PollDeviceTokenCoreAsync(deviceCode, requestOptions, cancellationToken);
    }

    private Task<DeviceAuthorization> RequestDeviceCodeCoreAsync(RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var request = Anonymous(HttpMethod.Post, Path + "device/", requestOptions);
        RaviRequestFactory.SetJsonBody(request, new EmptyBody(), RaviJsonContext.Default.EmptyBody);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.DeviceAuthorization, cancellationToken);
    }

    private async Task<RaviTokens> PollDeviceTokenCoreAsync(string deviceCode, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var request = Anonymous(HttpMethod.Post, Path + "device/token/", requestOptions);
        RaviRequestFactory.SetJsonBody(request, new DeviceTokenBody(deviceCode), RaviJsonContext.Default.DeviceTokenBody);
        return ToTokens(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.TokenWire, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>
    /// Signs in with the device-code flow (RFC 8628): requests a code, hands it to <paramref name="onCode"/> to show the user
    /// (<see cref="DeviceAuthorization.UserCode"/> at <see cref="DeviceAuthorization.VerificationUri"/>), then polls until the
    /// user approves — every <see cref="DeviceAuthorization.Interval"/> (5 s by default), 5 s slower after each
    /// <c>slow_down</c>. The tokens become the client's credential and are saved to its token store.
    /// </summary>
    /// <param name="onCode">Shows the code to the user (called once, before polling starts).</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for every request (the code request and each poll); its token also stops the waits between polls. Null for the client's settings.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The new tokens; when the login succeeded but they could not be saved, <see cref="RaviTokens.SaveFailure"/> says why.</returns>
    /// <exception cref="RaviAuthenticationException">The code expired (<see cref="RaviApiException.Code"/> <c>expired_token</c>) or the login was denied (<c>access_denied</c>).</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<RaviTokens> LoginWithDeviceCodeAsync(Func<DeviceAuthorization, CancellationToken, Task> onCode, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        ArgumentNullException.ThrowIfNull(onCode);
        return LoginWithDeviceCodeCoreAsync(onCode, requestOptions, cancellationToken);
    }

    /// <summary>Signs in with the device-code flow, reporting the code to show through <paramref name="onCode"/>. See the other overload.</summary>
    /// <param name="onCode">Receives the code to show the user.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for every request; null for the client's settings.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The new tokens; when the login succeeded but they could not be saved, <see cref="RaviTokens.SaveFailure"/> says why.</returns>
    /// <exception cref="RaviAuthenticationException">The code expired or the login was denied.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<RaviTokens> LoginWithDeviceCodeAsync(IProgress<DeviceAuthorization> onCode, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        ArgumentNullException.ThrowIfNull(onCode);
        return LoginWithDeviceCodeCoreAsync((authorization, _) =>
        {
            onCode.Report(authorization);
            return Task.CompletedTask;
        }, requestOptions, cancellationToken);
    }

    private async Task<RaviTokens> LoginWithDeviceCodeCoreAsync(Func<DeviceAuthorization, CancellationToken, Task> onCode, RaviRequestOptions? requestOptions, CancellationToken callerToken)
    {
        using var call = RaviCallOptions.Link(requestOptions, callerToken);
        var cancellationToken = call.Token;
        var time = _scope.Pipeline.TimeProvider;
        var logger = Logger;
        var authorization = await RequestDeviceCodeCoreAsync(requestOptions, cancellationToken).ConfigureAwait(false);
        var issued = time.GetUtcNow();
        var interval = authorization.Interval > TimeSpan.Zero ? authorization.Interval : DefaultPollInterval;
        TimeSpan? lifetime = authorization.ExpiresIn > TimeSpan.Zero ? authorization.ExpiresIn : null;
        RaviAuthLog.DeviceCodeIssued(logger, authorization.VerificationUri, (int)authorization.ExpiresIn.TotalSeconds, interval.TotalSeconds);
        await onCode(authorization, cancellationToken).ConfigureAwait(false);

        TimeSpan? retryAfter = null;
        while (true)
        {
            // RFC 8628: never faster than the interval; never sooner than a server's Retry-After on the last failed poll.
            var wait = RaviBackoff.Honour(interval, retryAfter);
            retryAfter = null;
            if (lifetime is { } valid && time.GetUtcNow() - issued + wait > valid)
            {
                throw RaviAuthErrors.DeviceCodeExpired(null, valid); // the next poll would come after the code expired
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            RaviTokens tokens;
            try
            {
                tokens = await PollDeviceTokenCoreAsync(authorization.DeviceCode, requestOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (RaviApiException ex) when (ex.Code == "authorization_pending")
            {
                RaviAuthLog.DevicePoll(logger, "authorization pending", interval.TotalSeconds);
                continue;
            }
            catch (RaviApiException ex) when (ex.Code == "slow_down")
            {
                interval += SlowDownIncrement; // RFC 8628 §3.5: cumulative
                RaviAuthLog.DevicePoll(logger, "slow down", interval.TotalSeconds);
                continue;
            }
            catch (RaviApiException ex) when (ex.Code == "expired_token")
            {
                throw RaviAuthErrors.DeviceCodeExpired(ex, lifetime ?? time.GetUtcNow() - issued);
            }
            catch (RaviApiException ex) when (ex.Code == "access_denied")
            {
                throw RaviAuthErrors.DeviceAccessDenied(ex);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && RaviRetryClassifier.IsTransient(ex))
            {
                retryAfter = RaviRetryAfter.Of(ex);
                var state = "transient failure (" + ex.GetType().Name + ")";
                RaviAuthLog.DevicePoll(logger, state, interval.TotalSeconds);
                continue;
            }

            return await SignInAsync(tokens, "device code", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Exchanges a refresh token for a new access token (<c>POST /api/auth/token/refresh/</c>). With the client's own refresh
    /// token, the client's credential is renewed (as its automatic refresh does: once for concurrent callers, saved to its
    /// token store, the refresh token sent at most once) and keeps the rotated tokens, so it is never left holding a token
    /// the server has just invalidated; <paramref name="requestOptions"/> then do not apply (the renewal is shared). Any other
    /// refresh token is exchanged as it is and the client's credential is not changed.
    /// </summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens; the refresh token is the old one when the server did not rotate it.</returns>
    /// <exception cref="RaviAuthenticationException">The refresh token was rejected or spent: sign in again.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual async Task<RaviTokens> RefreshTokenAsync(string refreshToken, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.NotEmpty(refreshToken);
        var pipeline = _scope.Pipeline;
        using var call = RaviCallOptions.Link(requestOptions, cancellationToken);
        var current = await pipeline.Credential.GetTokenAsync(call.Token).ConfigureAwait(false);
        if (current is not null && string.Equals(current.RefreshToken, refreshToken, StringComparison.Ordinal))
        {
            // The client's own token: a raw exchange would spend it on a rotating server while the credential kept it.
            return await pipeline.Credential.RefreshAsync(current, pipeline.RefreshCallback, call.Token).ConfigureAwait(false);
        }

        var request = Anonymous(HttpMethod.Post, Path + "token/refresh/", requestOptions);
        RaviRequestFactory.SetJsonBody(request, new RefreshBody(refreshToken), RaviJsonContext.Default.RefreshBody);
        return ToTokens(await pipeline.SendAsync(request, RaviJsonContext.Default.TokenWire, call.Token).ConfigureAwait(false), refreshToken);
    }

    /// <summary>
    /// Logs in with email and password (<c>POST /api/auth/login/</c>). The tokens become the client's credential and are
    /// saved to its token store.
    /// </summary>
    /// <param name="email">The account email.</param>
    /// <param name="password">The account password (never logged).</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens; when the login succeeded but they could not be saved, <see cref="RaviTokens.SaveFailure"/> says why.</returns>
    /// <exception cref="RaviAuthenticationException">Wrong email or password.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual async Task<RaviTokens> LoginAsync(string email, string password, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.NotEmpty(email);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var request = Anonymous(HttpMethod.Post, Path + "login/", requestOptions);
        RaviRequestFactory.SetJsonBody(request, new LoginBody(email, password), RaviJsonContext.Default.LoginBody);
        var tokens = ToTokens(await _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.TokenWire, cancellationToken).ConfigureAwait(false), null);
        return await SignInAsync(tokens, "password", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Invalidates the tokens on the server (<c>POST /api/auth/logout/</c>), then signs the client out and clears its token
    /// store (for the CLI's <c>auth.json</c>: deletes it). The local sign-out happens even when the server call fails;
    /// a 401 (already signed out) is not an error.
    /// </summary>
    /// <param name="refreshToken">The refresh token to revoke; the client's current one when <see langword="null"/>.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server logged out.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual async Task LogoutAsync(string? refreshToken = null, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        var credential = _scope.Pipeline.Credential;
        refreshToken ??= (await credential.GetTokenAsync(cancellationToken).ConfigureAwait(false))?.RefreshToken;
        var request = _scope.Request(HttpMethod.Post, Path + "logout/", IdentityScope.None, requestOptions);
        RaviRequestFactory.SetJsonBody(request, new RefreshBody(refreshToken), RaviJsonContext.Default.RefreshBody);
        try
        {
            await _scope.Pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviAuthenticationException)
        {
            // The session was already invalid: signing out locally is all that is left to do.
        }
        finally
        {
            try
            {
                await credential.UpdateAsync(null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (RaviTokenStoreException ex)
            {
                RaviAuthLog.LogoutNotSaved(Logger, ex.Message); // signed out in memory all the same
            }

            RaviAuthLog.SignedOut(Logger);
        }
    }

    /// <summary>Gets the signed-in user (<c>GET /api/auth/user/</c>).</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<AccountUser> GetCurrentUserAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Get, Path + "user/", IdentityScope.None, requestOptions), RaviJsonContext.Default.AccountUser, cancellationToken);
    }

    private ILogger Logger => _scope.Pipeline.LoggerFactory.CreateLogger(Diagnostics.RaviLogCategories.Auth);

    /// <summary>
    /// Makes the tokens the client's credential and saves them. The server has already issued them, so a store that cannot
    /// take them does not fail the login: the failure is logged and returned as <see cref="RaviTokens.SaveFailure"/>.
    /// </summary>
    private async Task<RaviTokens> SignInAsync(RaviTokens tokens, string method, CancellationToken cancellationToken)
    {
        RaviTokenStoreException? failure = null;
        try
        {
            await _scope.Pipeline.Credential.UpdateAsync(tokens, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviTokenStoreException ex)
        {
            failure = ex;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = new RaviTokenStoreException($"The Ravi tokens could not be saved by the client's credential ({ex.GetType().Name}).", null, ex);
        }

        RaviAuthLog.SignedIn(Logger, method);
        if (failure is null)
        {
            return tokens;
        }

        RaviAuthLog.LoginNotSaved(Logger, failure.Message);
        return tokens with { SaveFailure = failure };
    }

    private HttpRequestMessage Anonymous(HttpMethod method, string path, RaviRequestOptions? requestOptions)
    {
        var request = _scope.Request(method, path, IdentityScope.None, requestOptions);
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

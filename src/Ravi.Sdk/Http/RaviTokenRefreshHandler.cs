using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Diagnostics;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Http;

/// <summary>
/// Attaches <c>Authorization: Bearer</c> to every API request not marked <see cref="RaviHeaders.Anonymous"/> (and to no
/// request for another origin, which also loses the Ravi headers here, above the user's PerTry handlers), renews the
/// token proactively when its JWT <c>exp</c> is within <see cref="RaviClientOptions.TokenRefreshSkew"/>, and on a 401
/// renews it through the credential's single-flight gate and replays the request once (only when the token changed).
/// The refresh call goes to the inner handler directly, so it never recurses through this handler.
/// A 401 that renewal cannot fix becomes <see cref="RaviAuthenticationException"/> telling the user to sign in again.
/// </summary>
/// <remarks>
/// A refresh token goes on the wire at most once: once the refresh request may have reached the server without tokens
/// coming back (the connection dropped after sending, a timeout, a 5xx, a redirect), the token counts as spent — with
/// single-use rotating tokens a second send looks like token theft to the server — and the call fails with
/// <see cref="RaviAuthenticationException"/> (sign in again). Only a refusal the server provably did not process (429,
/// or a connection that failed before sending) leaves it usable. The shared refresh runs for at most
/// <see cref="MaxRefreshTime"/> (or the attempt timeout, if shorter), whether or not anyone still waits for it: it is not
/// cancelled with its last waiter, because a refresh cut after sending would spend the token and lose the rotated one.
/// </remarks>
internal sealed class RaviTokenRefreshHandler : DelegatingHandler
{
    /// <summary>The longest a token refresh may take: it is one small POST, and it may outlive the callers waiting for it.</summary>
    public static readonly TimeSpan MaxRefreshTime = TimeSpan.FromSeconds(10);

    private const string RefreshPath = "api/auth/token/refresh/";
    private static readonly MediaTypeWithQualityHeaderValue JsonAccept = new("application/json");

    private readonly IRaviCredential _credential;
    private readonly Uri _refreshUri;
    private readonly string _userAgent;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _skew;
    private readonly RaviTokenClock _clock;
    private readonly TimeSpan _refreshTimeout;
    private readonly ILogger _logger;
    private readonly RaviTokenRefreshCallback _refresh;
    private TokenInfo? _last;
    private string? _spentRefreshToken;

    public RaviTokenRefreshHandler(RaviHandlerSettings settings)
    {
        _credential = settings.Credential;
        _refreshUri = new Uri(settings.BaseAddress, RefreshPath);
        _userAgent = settings.UserAgent;
        _timeProvider = settings.TimeProvider;
        _skew = settings.Settings.TokenRefreshSkew;
        _clock = new RaviTokenClock(_timeProvider, _skew);
        var attempt = settings.Settings.AttemptTimeout;
        _refreshTimeout = attempt == Timeout.InfiniteTimeSpan || attempt > MaxRefreshTime ? MaxRefreshTime : attempt;
        _logger = settings.LoggerFactory.CreateLogger(RaviLogCategories.Auth);
        _refresh = SendRefreshAsync;
    }

    /// <summary>
    /// Exchanges a refresh token through this handler's guarded path (sent at most once, bounded in time); what the
    /// credential calls, and what <c>Auth.RefreshTokenAsync</c> uses for the client's own token.
    /// </summary>
    public RaviTokenRefreshCallback Refresh => _refresh;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RaviOrigin.IsSame(request.RequestUri!, _refreshUri))
        {
            // Another host (the presigned upload, or a URI a PerCall handler rewrote): no credential or Ravi header goes
            // there, and the PerTry handlers below never see one on such a request.
            RaviOrigin.StripRaviHeaders(request);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.Options.TryGetValue(RaviHeaders.Anonymous, out var anonymous) && anonymous)
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var tokens = await _credential.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (tokens is null)
        {
            request.Headers.Authorization = null;
            var anonymousResponse = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (anonymousResponse.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw await RejectedAsync(anonymousResponse, "No Ravi credentials were found (options, RAVI_ACCESS_TOKEN or the CLI's auth.json).", cancellationToken).ConfigureAwait(false);
            }

            return anonymousResponse;
        }

        var info = Describe(tokens.AccessToken);
        var canRefresh = RaviJwt.CanRefresh(tokens);
        if (canRefresh && (tokens.AccessToken.Length == 0 || (info.Expiry is { } exp && exp - _timeProvider.GetUtcNow() <= _skew)))
        {
            tokens = await RefreshProactivelyAsync(tokens, info, cancellationToken).ConfigureAwait(false);
            info = Describe(tokens.AccessToken);
            canRefresh = RaviJwt.CanRefresh(tokens);
        }

        if (canRefresh)
        {
            await RaviReplayableContent.EnsureAsync(request, cancellationToken).ConfigureAwait(false); // so the request can be replayed
        }

        request.Headers.Authorization = info.Header;
        if (canRefresh || request.Options.TryGetValue(RaviAttemptTelemetry.RefreshesOn401, out _))
        {
            // A 401 here is answered by a refresh: not an error. Absent means false: no entry (and no boxed value) otherwise.
            request.Options.Set(RaviAttemptTelemetry.RefreshesOn401, canRefresh);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        if (!canRefresh)
        {
            throw await RejectedAsync(response, RaviJwt.IsStaticApiKey(tokens.AccessToken)
                ? "The API key was rejected; API keys are never refreshed."
                : "The access token was rejected and there is no refresh token to renew it.", cancellationToken).ConfigureAwait(false);
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            RaviAuthLog.Unauthorized(_logger, request.Method.Method, request.RequestUri?.AbsolutePath);
        }

        RaviTokens renewed;
        try
        {
            renewed = await RaviCredentials.RefreshAsync(_credential, tokens, _refresh, _logger, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (string.Equals(renewed.AccessToken, tokens.AccessToken, StringComparison.Ordinal))
        {
            throw await RejectedAsync(response, "The credential returned the same token again.", cancellationToken).ConfigureAwait(false);
        }

        response.Dispose();
        var replay = RaviRequestCloner.Clone(request); // a message is never sent twice
        replay.Headers.Authorization = Describe(renewed.AccessToken).Header;
        replay.Options.Set(RaviAttemptTelemetry.RefreshesOn401, RaviCredentials.IsUnconfirmedAdoption(_credential, renewed));
        var retried = await base.SendAsync(replay, cancellationToken).ConfigureAwait(false);
        if (retried.StatusCode == HttpStatusCode.Unauthorized && RaviCredentials.IsUnconfirmedAdoption(_credential, renewed))
        {
            // The tokens came from another process's rotation and that access token has expired too (opaque tokens carry no
            // exp to tell): renew with the refresh token found in the store, once, instead of failing this call.
            retried.Dispose();
            renewed = await RaviCredentials.RefreshAsync(_credential, renewed, _refresh, _logger, _clock, cancellationToken).ConfigureAwait(false);
            replay = RaviRequestCloner.Clone(request);
            replay.Headers.Authorization = Describe(renewed.AccessToken).Header;
            replay.Options.Set(RaviAttemptTelemetry.RefreshesOn401, false);
            retried = await base.SendAsync(replay, cancellationToken).ConfigureAwait(false);
        }

        if (retried.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw await RejectedAsync(retried, "The renewed access token was rejected too.", cancellationToken).ConfigureAwait(false);
        }

        return retried;
    }

    private async Task<RaviTokens> RefreshProactivelyAsync(RaviTokens tokens, TokenInfo info, CancellationToken cancellationToken)
    {
        try
        {
            return await RaviCredentials.RefreshAsync(_credential, tokens, _refresh, _logger, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (RaviAuthenticationException) when (info.Expiry is null || info.Expiry <= _timeProvider.GetUtcNow())
        {
            throw; // the token is unusable and cannot be renewed
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not expired yet (or a transient failure): use the current token; a 401 will try again.
            RaviAuthLog.ProactiveRefreshFailed(_logger, ex.GetType().Name);
            return tokens;
        }
    }

    /// <summary>The refresh callback: one refresh call on the wire, counted and reported on the operation span.</summary>
    private async Task<RaviTokens> SendRefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            var tokens = await SendRefreshCoreAsync(refreshToken, cancellationToken).ConfigureAwait(false);
            RaviAuthTelemetry.Refreshed(_refreshUri, null);
            return tokens;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            RaviAuthTelemetry.Refreshed(_refreshUri, ex);
            throw;
        }
    }

    private async Task<RaviTokens> SendRefreshCoreAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        if (string.Equals(Volatile.Read(ref _spentRefreshToken), refreshToken, StringComparison.Ordinal))
        {
            throw Spent("it was already sent once without tokens coming back", null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _refreshUri);
        request.Headers.Accept.Add(JsonAccept);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Options.Set(RaviHeaders.Anonymous, true);
        RaviRequestFactory.SetJsonBody(request, new RefreshBody(refreshToken), RaviJsonContext.Default.RefreshBody);

        using var timeout = new CancellationTokenSource(_refreshTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        RaviAuthLog.RefreshStarting(_logger, "access token expired or rejected");
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (RaviRetryClassifier.FailedBeforeSending(ex))
        {
            throw; // nothing was sent: the token is not spent, and the caller's attempt may be retried
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw SpentAfter(refreshToken, $"no answer within {_refreshTimeout.TotalSeconds:0.###} s", ex);
        }
        catch (Exception ex) when (RaviRetryClassifier.IsTransportFailure(ex) || ex is RaviRedirectException)
        {
            throw SpentAfter(refreshToken, ex is RaviRedirectException ? "the answer came from another origin" : "the connection failed after sending", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await RaviErrorFactory.CreateAsync(response, _timeProvider, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    throw error; // refused unprocessed: the token is still good
                }

                Volatile.Write(ref _spentRefreshToken, refreshToken);
                if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    RaviAuthLog.RefreshRejected(_logger, (int)response.StatusCode, error.Code);
                    throw RaviAuthErrors.RefreshRejected(error);
                }

                throw Spent($"the server answered {(int)response.StatusCode}", error);
            }

            TokenWire wire;
            try
            {
                wire = await RaviResponseMapper.ReadJsonAsync(response, RaviJsonContext.Default.TokenWire, cancellationToken).ConfigureAwait(false);
            }
            catch (RaviApiException ex)
            {
                throw SpentAfter(refreshToken, "the answer was not a token response", ex);
            }

            var access = wire.EffectiveAccess;
            if (string.IsNullOrEmpty(access))
            {
                throw SpentAfter(refreshToken, "the answer had no access token", null);
            }

            var rotated = wire.EffectiveRefresh;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var expiry = RaviJwt.TryGetExpiry(access)?.ToString("O", CultureInfo.InvariantCulture) ?? "unknown";
                var wasRotated = !string.IsNullOrEmpty(rotated) && rotated != refreshToken;
                RaviAuthLog.Refreshed(_logger, wasRotated, expiry);
            }

            return new RaviTokens { AccessToken = access, RefreshToken = string.IsNullOrEmpty(rotated) ? refreshToken : rotated, User = wire.User };
        }
    }

    /// <summary>Marks <paramref name="refreshToken"/> spent and builds the error saying so.</summary>
    private RaviAuthenticationException SpentAfter(string refreshToken, string why, Exception? inner)
    {
        Volatile.Write(ref _spentRefreshToken, refreshToken);
        return Spent(why, inner);
    }

    private static RaviAuthenticationException Spent(string why, Exception? inner) =>
        new(
            $"The token refresh failed after the refresh token was sent ({why}). Refresh tokens are single-use, so the SDK does not send it again. " +
            RaviAuthErrors.SignInHint,
            new RaviErrorDetails { StatusCode = HttpStatusCode.Unauthorized, Code = "refresh_token_spent" },
            inner);

    private async Task<RaviAuthenticationException> RejectedAsync(HttpResponseMessage response, string reason, CancellationToken cancellationToken)
    {
        using (response)
        {
            var error = await RaviErrorFactory.CreateAsync(response, _timeProvider, cancellationToken).ConfigureAwait(false);
            return RaviAuthErrors.Rejected(error, reason);
        }
    }

    /// <summary>Caches the header value and expiry of the last token seen (tokens change rarely; requests are many).</summary>
    private TokenInfo Describe(string token)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && string.Equals(last.Token, token, StringComparison.Ordinal))
        {
            return last;
        }

        var info = new TokenInfo(token);
        Volatile.Write(ref _last, info);
        return info;
    }

    private sealed class TokenInfo
    {
        public TokenInfo(string token)
        {
            Token = token;
            Header = token.Length == 0 ? null : new AuthenticationHeaderValue("Bearer", token);
            Expiry = RaviJwt.TryGetExpiry(token);
        }

        public string Token { get; }

        public AuthenticationHeaderValue? Header { get; }

        public DateTimeOffset? Expiry { get; }
    }
}

using System.Net;

namespace Ravi.Sdk.Auth;

/// <summary>The authentication failures the SDK raises itself. Messages say what to do and never contain a token.</summary>
internal static class RaviAuthErrors
{
    /// <summary>How to get a new session.</summary>
    public const string SignInHint =
        "Sign in again: run `ravi login`, or call client.Auth.LoginWithDeviceCodeAsync(…) or client.Auth.LoginAsync(…), or supply a valid token.";

    /// <summary>The refresh endpoint rejected the refresh token (or it was rejected before).</summary>
    public static RaviAuthenticationException RefreshRejected(RaviApiException? serverError) =>
        new(
            "The Ravi session has expired or was revoked: the refresh token was rejected" +
            (serverError is null ? "" : $" ({(int)serverError.StatusCode}{(serverError.Code is null ? "" : " " + serverError.Code)})") +
            ". " + SignInHint,
            Details(serverError?.StatusCode ?? HttpStatusCode.Unauthorized, serverError?.Code ?? "refresh_failed", serverError),
            serverError);

    /// <summary>A 401 that cannot be fixed by renewing the token.</summary>
    public static RaviAuthenticationException CannotRefresh(bool staticApiKey) =>
        new(
            staticApiKey
                ? "The Ravi API key was rejected (401). API keys are never refreshed: check that the key is valid and not revoked."
                : "The access token was rejected or has expired (401) and there is no refresh token to renew it. " + SignInHint,
            Details(HttpStatusCode.Unauthorized, "token_not_refreshable", null));

    /// <summary>A 401 from the API, with the reason the SDK could not recover.</summary>
    public static RaviAuthenticationException Rejected(RaviApiException serverError, string reason) =>
        new(serverError.Message + " " + reason + " " + SignInHint, Details(serverError.StatusCode, serverError.Code, serverError), serverError);

    /// <summary>The device code expired before the user approved the login.</summary>
    public static RaviAuthenticationException DeviceCodeExpired(RaviApiException? serverError, TimeSpan lifetime) =>
        new(
            $"The device code expired before the login was approved (it was valid for {lifetime.TotalMinutes:0.#} min). " +
            "Start the login again and approve it in time.",
            Details(serverError?.StatusCode ?? HttpStatusCode.BadRequest, "expired_token", serverError),
            serverError);

    /// <summary>The user (or the server) denied the device login.</summary>
    public static RaviAuthenticationException DeviceAccessDenied(RaviApiException serverError) =>
        new(
            "The device login was denied at the verification page; nothing was signed in.",
            Details(serverError.StatusCode, "access_denied", serverError),
            serverError);

    private static RaviErrorDetails Details(HttpStatusCode status, string? code, RaviApiException? from) => new()
    {
        StatusCode = status,
        Code = code,
        Detail = from?.Detail,
        FieldErrors = from?.FieldErrors ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
        RequestId = from?.RequestId,
        RetryAfter = from?.RetryAfter,
        ResponseBody = from?.ResponseBody,
    };
}

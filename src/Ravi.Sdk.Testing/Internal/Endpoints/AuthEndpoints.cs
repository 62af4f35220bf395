using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary><c>/api/auth/…</c>: device flow (RFC 8628), login, refresh with rotation, logout, current user.</summary>
internal static class AuthEndpoints
{
    private static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("POST", "/api/auth/device/", state, EndpointScope.Anonymous, context => StartDevice(state, context));
        app.Handle("POST", "/api/auth/device/token/", state, EndpointScope.Anonymous, context => PollDevice(state, context));
        app.Handle("POST", "/api/auth/token/refresh/", state, EndpointScope.Anonymous, context => Refresh(state, context));
        app.Handle("POST", "/api/auth/login/", state, EndpointScope.Anonymous, context => Login(state, context));
        app.Handle("POST", "/api/auth/logout/", state, EndpointScope.User, context => Logout(state, context));
        app.Handle("GET", "/api/auth/user/", state, EndpointScope.User, context => CurrentUser(state, context));
    }

    private static IResult StartDevice(ServerState state, HttpContext context)
    {
        if (!RequestBody.TryReadObject(context, out _, out var error))
        {
            return error!;
        }

        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            var record = state.CreateDeviceCode();
            return Api.Ok(new JsonObject
            {
                ["device_code"] = record.DeviceCode,
                ["user_code"] = record.UserCode,
                ["verification_uri"] = baseUrl + "/device",
                ["verification_uri_complete"] = baseUrl + "/device?user_code=" + Uri.EscapeDataString(record.UserCode),
                ["expires_in"] = (int)Math.Ceiling(state.Options.DeviceCodeLifetime.TotalSeconds),
                ["interval"] = (int)record.Interval.TotalSeconds,
            });
        }
    }

    private static IResult PollDevice(ServerState state, HttpContext context)
    {
        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        if (body["device_code"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return Api.DeviceError("invalid_request", "device_code is required.");
        }

        lock (state.Sync)
        {
            var now = state.Now;
            var record = state.FindDeviceCode(value.GetValue<string>());
            if (record is null || record.Consumed)
            {
                return Api.DeviceError("invalid_grant", record is null ? "Unknown device code." : "The device code was already used.");
            }

            if (now >= record.ExpiresAt)
            {
                return Api.DeviceError("expired_token", "The device code has expired.");
            }

            if (record.Denied)
            {
                return Api.DeviceError("access_denied", "The user denied the authorization request.");
            }

            var tooFast = record.LastPoll is { } last && now - last < record.Interval;
            record.LastPoll = now;
            if (tooFast)
            {
                record.Interval += SlowDownStep;
                return Api.DeviceError("slow_down",
                    $"Polling too fast; wait at least {record.Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds between requests.");
            }

            if (record.ApprovedUserId is not { } userId || state.FindUser(userId) is not { } user)
            {
                return Api.DeviceError("authorization_pending", "The user has not yet approved this device.");
            }

            record.Consumed = true;
            var tokens = state.IssueTokens(user);
            return Api.Ok(Wire.Tokens(state.Options, tokens.AccessToken, tokens.RefreshToken, user));
        }
    }

    private static IResult Refresh(ServerState state, HttpContext context)
    {
        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var fields = new FieldReader(body);
        var refresh = fields.String("refresh");
        if (!fields.IsValid)
        {
            return fields.ToResult();
        }

        lock (state.Sync)
        {
            var rotate = state.Options.RotateRefreshTokens;
            if (state.Tokens.UseRefresh(refresh!, state.Now, consume: rotate, out var userId) != TokenCheck.Valid
                || state.FindUser(userId) is not { } user)
            {
                return Api.Error(StatusCodes.Status401Unauthorized, "Token is invalid or expired", "token_not_valid");
            }

            var now = state.Now;
            var access = state.Tokens.IssueAccess(user.Id, now, state.Options.AccessTokenLifetime);
            var rotated = rotate ? state.Tokens.IssueRefresh(user.Id, now, state.Options.RefreshTokenLifetime) : null;
            return Api.Ok(Wire.Tokens(state.Options, access, rotated, user: null));
        }
    }

    private static IResult Login(ServerState state, HttpContext context)
    {
        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var fields = new FieldReader(body);
        var email = fields.String("email");
        var password = fields.String("password");
        if (!fields.IsValid)
        {
            return fields.ToResult();
        }

        lock (state.Sync)
        {
            if (state.FindUser(email!.Trim()) is not { } user || !string.Equals(user.Password, password, StringComparison.Ordinal))
            {
                return Api.Error(StatusCodes.Status401Unauthorized, "No active account found with the given credentials", "no_active_account");
            }

            var tokens = state.IssueTokens(user);
            return Api.Ok(Wire.Tokens(state.Options, tokens.AccessToken, tokens.RefreshToken, user));
        }
    }

    private static IResult Logout(ServerState state, HttpContext context)
    {
        if (!RequestBody.TryReadObject(context, out _, out var error))
        {
            return error!;
        }

        lock (state.Sync)
        {
            state.Tokens.RevokeUser(context.Caller().User.Id);
        }

        return Api.Ok(new JsonObject { ["detail"] = "Successfully logged out." });
    }

    private static IResult CurrentUser(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            return Api.Ok(Wire.User(context.Caller().User));
        }
    }
}

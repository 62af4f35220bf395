using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Bearer authentication and <c>X-Ravi-Identity</c> scoping, as endpoint filters.</summary>
internal static class Access
{
    public const string IdentityHeader = "X-Ravi-Identity";
    private const string CallerKey = "ravi.caller";
    private const string InvalidTokenDetail = "Given token not valid for any token type";

    public static Caller Caller(this HttpContext context) => (Caller)context.Items[CallerKey]!;

    /// <summary>Authenticates the request; returns the error to answer, or <see langword="null"/> with the caller stored.</summary>
    public static IResult? Authenticate(ServerState state, HttpContext context, bool withIdentity, bool identityRequired = true)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
            || (header.Length > 6 && header[6] != ' '))
        {
            return Api.Error(StatusCodes.Status401Unauthorized, "Authentication credentials were not provided.", "not_authenticated");
        }

        var parts = header.Split(' ');
        if (parts.Length != 2 || parts[1].Length == 0)
        {
            return Api.Error(StatusCodes.Status401Unauthorized, "Authorization header must contain two space-delimited values",
                "bad_authorization_header");
        }

        lock (state.Sync)
        {
            var check = state.Tokens.CheckAccess(parts[1], state.Now, out var userId);
            if (check == TokenCheck.Expired)
            {
                return Api.Error(StatusCodes.Status401Unauthorized, InvalidTokenDetail, "token_expired");
            }

            if (check != TokenCheck.Valid || state.FindUser(userId) is not { } user)
            {
                return Api.Error(StatusCodes.Status401Unauthorized, InvalidTokenDetail, "token_not_valid");
            }

            IdentityRecord? identity = null;
            var raw = withIdentity ? context.Request.Headers[IdentityHeader].ToString() : "";
            if (withIdentity && (identityRequired || !string.IsNullOrWhiteSpace(raw)))
            {
                if (string.IsNullOrWhiteSpace(raw))
                {
                    return Api.Error(StatusCodes.Status400BadRequest, "The X-Ravi-Identity header is required for this endpoint.",
                        "identity_required");
                }

                if (ServerState.NormalizeUuid(raw) is not { } uuid)
                {
                    return Api.Error(StatusCodes.Status400BadRequest, "The X-Ravi-Identity header must be an identity UUID.", "invalid_identity");
                }

                identity = state.FindIdentity(uuid);
                if (identity is null)
                {
                    return Api.NotFound("Identity not found.");
                }

                if (identity.UserId != user.Id)
                {
                    return Api.Error(StatusCodes.Status403Forbidden, "You do not have permission to use this identity.", "permission_denied");
                }
            }

            context.Items[CallerKey] = new Caller(user, identity);
            return null;
        }
    }
}

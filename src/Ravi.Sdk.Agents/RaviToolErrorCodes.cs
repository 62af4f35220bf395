namespace Ravi.Sdk.Agents;

/// <summary>
/// The stable codes of Ravi tool errors, found in <see cref="Microsoft.Extensions.AI.ErrorContent.ErrorCode"/> of a failed
/// call's result. The <see cref="Microsoft.Extensions.AI.ErrorContent.Message"/> beside it says what was wrong and what to do.
/// </summary>
public static class RaviToolErrorCodes
{
    /// <summary>An argument is missing, of the wrong type, out of range or malformed; the message names it.</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>The identity named by the <c>identity</c> argument does not exist in the account.</summary>
    public const string IdentityNotFound = "identity_not_found";

    /// <summary>The thread, message, conversation, secret, password or TOTP enrolment does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>A wait ended without a matching message.</summary>
    public const string Timeout = "timeout";

    /// <summary>The vault is locked (no PIN or key was given to the host), so encrypted values cannot be read or written.</summary>
    public const string VaultLocked = "vault_locked";

    /// <summary>The stored value could not be decrypted, or the key does not match the account.</summary>
    public const string VaultError = "vault_error";

    /// <summary>The credentials were rejected or are missing: the host must sign in again.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The account may not do this (subscription or permission).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The name or value is already taken.</summary>
    public const string Conflict = "conflict";

    /// <summary>A rate limit was reached; the message says when to retry.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The Ravi service failed or could not be reached; retrying later may work.</summary>
    public const string ServiceError = "service_error";

    /// <summary>The host cannot run tools now (see <see cref="RaviToolOptions.Precondition"/>).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>An unexpected failure inside the tool (a bug); it is logged with its stack trace.</summary>
    public const string InternalError = "internal_error";
}

using System.Globalization;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>
/// Turns an SDK failure into a tool error: a stable code and a message for the model that says what was wrong and what
/// to do. Returns null for exceptions that are not expected failures (bugs).
/// </summary>
internal static class ToolErrors
{
    public static ToolFailure? FromException(Exception exception, ToolDefinition tool) => exception switch
    {
        ToolFailure failure => failure,
        RaviWaitTimeoutException timeout => new ToolFailure(
            RaviToolErrorCodes.Timeout,
            $"Nothing matching arrived within {timeout.Timeout.TotalSeconds:0} s (messages since {timeout.Since:u} were considered). " +
            $"If the message was requested, call {tool.Name} again: it also finds messages that arrived shortly before the call. If not, trigger it first (for example submit the form again), or loosen the filters."),
        RaviIdentityRequiredException => new ToolFailure(
            RaviToolErrorCodes.InvalidArgument,
            "This tool needs an identity: pass the 'identity' argument (an identity's uuid or name from list_identities).",
            "identity"),
        RaviCryptoException { Kind: RaviCryptoErrorKind.Locked or RaviCryptoErrorKind.NotSetUp } => VaultLocked(),
        RaviCryptoException crypto => new ToolFailure(
            RaviToolErrorCodes.VaultError,
            $"The vault could not decrypt or encrypt this value ({crypto.Kind}): {crypto.Message} Check that the host unlocked the vault with this account's PIN."),
        RaviNotFoundException => ToolFailure.NotFound(
            "Ravi has no such item (it may have been deleted). List the items again (for example list_email_threads or list_secrets) and use an id or key from the answer."),
        RaviAuthenticationException auth => new ToolFailure(
            RaviToolErrorCodes.Unauthorized,
            $"Ravi rejected the credentials ({Cut(auth.Message)}). The host must sign in again (run `ravi login`, or set RAVI_ACCESS_TOKEN and RAVI_REFRESH_TOKEN) and restart; retrying the tool will not help."),
        RaviPaymentRequiredException => new ToolFailure(
            RaviToolErrorCodes.Forbidden,
            "The Ravi account has no active subscription for this. Tell the user to check the subscription at https://ravi.app; retrying will not help."),
        RaviForbiddenException forbidden => new ToolFailure(
            RaviToolErrorCodes.Forbidden,
            $"Ravi refused this for the current account or identity ({Cut(forbidden.Detail ?? forbidden.Message)}). Use another identity or ask the user."),
        RaviConflictException conflict => new ToolFailure(
            RaviToolErrorCodes.Conflict,
            $"That conflicts with something that exists ({Cut(conflict.Detail ?? conflict.Message)}). Choose another name or value."),
        RaviRateLimitException rate => new ToolFailure(
            RaviToolErrorCodes.RateLimited,
            rate.RetryAfter is { } after
                ? $"Ravi's rate limit was reached. Wait {Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s before trying again."
                : "Ravi's rate limit was reached (email: 60 per hour, 500 per day). Wait before trying again."),
        RaviBadRequestException bad => new ToolFailure(
            RaviToolErrorCodes.InvalidArgument,
            $"Ravi rejected the request: {DescribeFields(bad)} Correct the arguments and call again."),
        RaviServerException or RaviConnectionException or RaviRequestTimeoutException => new ToolFailure(
            RaviToolErrorCodes.ServiceError,
            $"The Ravi service failed or could not be reached ({Cut(exception.Message)}). Try again in a minute; if it keeps failing, tell the user."),
        RaviApiException api => new ToolFailure(
            RaviToolErrorCodes.ServiceError,
            $"Ravi answered {(int)api.StatusCode}: {Cut(api.Detail ?? api.Message)}"),
        RaviException other => new ToolFailure(
            RaviToolErrorCodes.ServiceError,
            $"{Cut(other.Message)} Try again in a minute; if it keeps failing, tell the user."),
        ArgumentException argument => FromArgument(argument, tool),
        _ => null,
    };

    /// <summary>The vault is locked: encrypted values cannot be read or written.</summary>
    public static ToolFailure VaultLocked() => new(
        RaviToolErrorCodes.VaultLocked,
        "The vault is locked, so encrypted secrets, passwords and TOTP codes cannot be read or written. The host running these tools must unlock it with the account's 6-digit PIN (for example RAVI_PIN) and retry; other tools still work.");

    /// <summary>
    /// An SDK argument check, told in the tool's terms: the SDK's parameter (<c>email.To</c>, <c>key</c>) is matched to
    /// the tool argument of the same name (<c>to</c>, <c>key</c>) when there is one.
    /// </summary>
    private static ToolFailure FromArgument(ArgumentException exception, ToolDefinition tool)
    {
        var message = PlainMessage(exception);
        if (exception.ParamName is { } paramName)
        {
            var last = paramName[(paramName.LastIndexOf('.') + 1)..];
            var snake = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(last);
            if (tool.Parameters.FirstOrDefault(p => p.Name == snake) is { } parameter)
            {
                return ToolFailure.InvalidArgument(parameter.Name, $"The argument '{parameter.Name}' is invalid: {Cut(message)} Correct it and call again.");
            }
        }

        return new ToolFailure(RaviToolErrorCodes.InvalidArgument, $"{Cut(message)} Correct the arguments and call again.");
    }

    /// <summary>The exception's message without the " (Parameter 'x')" that .NET appends.</summary>
    public static string PlainMessage(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is { } paramName ? $" (Parameter '{paramName}')" : null;
        var at = suffix is null ? -1 : message.IndexOf(suffix, StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static string DescribeFields(RaviApiException exception)
    {
        if (exception.FieldErrors.Count == 0)
        {
            return Cut(exception.Detail ?? exception.Message);
        }

        return string.Join(" ", exception.FieldErrors.Select(f => $"{f.Key}: {Cut(string.Join(" ", f.Value))}"));
    }

    private static string Cut(string text) => text.Length <= Echo.MaxLength ? text : text[..Echo.MaxLength] + "…";
}

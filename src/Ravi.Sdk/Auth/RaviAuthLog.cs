using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Auth;

/// <summary>Source-generated log messages of the auth layer. None carries a token, password, code or key.</summary>
internal static partial class RaviAuthLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Ravi credentials: using {Source}")]
    public static partial void CredentialSource(ILogger logger, string source);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Ravi identity: using {IdentityUuid} from {Source}")]
    public static partial void IdentitySource(ILogger logger, string identityUuid, string source);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Refreshing the Ravi access token ({Reason})")]
    public static partial void RefreshStarting(ILogger logger, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Ravi access token refreshed (rotated refresh token: {Rotated}, expires {ExpiresAt})")]
    public static partial void Refreshed(ILogger logger, bool rotated, string expiresAt);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Ravi token refresh failed with {StatusCode} ({Code}): sign in again")]
    public static partial void RefreshRejected(ILogger logger, int statusCode, string? code);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Ravi token refresh failed ({ErrorType}); continuing with the current token")]
    public static partial void ProactiveRefreshFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Adopted Ravi tokens renewed by another process ({Store})")]
    public static partial void TokensAdopted(ILogger logger, string store);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Could not save the renewed Ravi tokens ({ErrorType}); they are kept in memory")]
    public static partial void StoreWriteFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Device login: waiting for approval at {VerificationUri} (expires in {ExpiresIn} s, polling every {Interval} s)")]
    public static partial void DeviceCodeIssued(ILogger logger, Uri verificationUri, int expiresIn, double interval);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Device login: {State}; next poll in {Interval} s")]
    public static partial void DevicePoll(ILogger logger, string state, double interval);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Signed in to Ravi ({Method})")]
    public static partial void SignedIn(ILogger logger, string method);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Signed out of Ravi")]
    public static partial void SignedOut(ILogger logger);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Ignoring {Path}: {Reason}")]
    public static partial void IgnoredFile(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Debug, Message = "Ravi access token rejected (401) for {Method} {Path}; renewing")]
    public static partial void Unauthorized(ILogger logger, string method, string? path);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "{Path} is readable or writable by other users (mode {Mode}): run chmod 600 on it (it holds your Ravi tokens)")]
    public static partial void FileTooOpen(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning, Message = "Signed in to Ravi, but the tokens were not saved: {Reason}")]
    public static partial void LoginNotSaved(ILogger logger, string reason);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Information, Message = "Stored the encryption keys in {Path} for the ravi CLI (RaviClientOptions.StoreKeysForCli)")]
    public static partial void KeysStored(ILogger logger, string path);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning, Message = "The encryption keys were not stored for the ravi CLI: {Reason}")]
    public static partial void KeysNotStored(ILogger logger, string reason);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Warning, Message = "Signed out of Ravi, but the stored tokens were not removed: {Reason}")]
    public static partial void LogoutNotSaved(ILogger logger, string reason);
}

using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>What an options reload did to a running client (never the token values).</summary>
internal static partial class RaviReloadLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Ravi ({Name}): applied the access/refresh token reloaded from configuration; the next call sends it")]
    public static partial void TokensApplied(ILogger logger, string name);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Ravi ({Name}): AccessToken/RefreshToken changed, but the running client's credential did not come from them (or they were removed); restart the host to apply the change")]
    public static partial void TokensNeedRestart(ILogger logger, string name);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Ravi ({Name}): settings other than AccessToken/RefreshToken changed; only the tokens apply while running, restart the host to apply the rest")]
    public static partial void NeedsRestart(ILogger logger, string name);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Ravi ({Name}): the reloaded options are invalid and were not applied; the client keeps its settings: {Problems}")]
    public static partial void Invalid(ILogger logger, string name, string problems);
}

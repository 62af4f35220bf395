using Microsoft.Extensions.Logging;

namespace Ravi.Mcp;

/// <summary>ravi-mcp's log lines (to stderr). None of them carries a token, a PIN, an API key or a secret.</summary>
internal static partial class McpLog
{
    [LoggerMessage(1, LogLevel.Warning, "Could not read {Path} ({Error}); skipped it while looking for Ravi credentials.")]
    public static partial void CredentialFileUnreadable(ILogger logger, string path, string error);

    [LoggerMessage(2, LogLevel.Warning, "Could not write ravi-mcp's token file {Path} ({Error}); refreshed tokens are kept in memory only.")]
    public static partial void StateFileUnwritable(ILogger logger, string path, string error);

    [LoggerMessage(3, LogLevel.Warning, "Ravi is not usable yet; every tool answers with this until it is fixed: {Problem}")]
    public static partial void StartupProblem(ILogger logger, string problem);

    [LoggerMessage(4, LogLevel.Warning, "The vault is locked; secret and password tools answer with this: {Problem}")]
    public static partial void VaultProblem(ILogger logger, string problem);

    [LoggerMessage(5, LogLevel.Information, "Signed in to Ravi at {BaseAddress} with the credential from {Source}.")]
    public static partial void SignedIn(ILogger logger, Uri baseAddress, string source);

    [LoggerMessage(6, LogLevel.Information, "The vault is unlocked ({Source}).")]
    public static partial void Unlocked(ILogger logger, string source);

    [LoggerMessage(7, LogLevel.Warning, "Could not check the Ravi credential at {BaseAddress} yet ({Error}); tools will try on each call.")]
    public static partial void CheckFailed(ILogger logger, Uri baseAddress, string error);

    [LoggerMessage(8, LogLevel.Warning, "Tool {Tool} failed: {Message}")]
    public static partial void ToolFailed(ILogger logger, string tool, string message);

    [LoggerMessage(9, LogLevel.Error, "Tool {Tool} failed unexpectedly.")]
    public static partial void ToolCrashed(ILogger logger, string tool, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Ravi is usable now: {Source}.")]
    public static partial void Recovered(ILogger logger, string source);

    [LoggerMessage(11, LogLevel.Warning, "Rejected an HTTP request to {Path} from {Remote}: {Reason}.")]
    public static partial void Unauthorized(ILogger logger, string path, string? remote, string reason);
}

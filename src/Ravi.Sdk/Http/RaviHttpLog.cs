using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>Source-generated log messages of the handler chain. Paths are logged without query strings; no header values.</summary>
internal static partial class RaviHttpLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Trace, Message = "Sending {Method} {Path}")]
    public static partial void RequestStarting(ILogger logger, string method, string? path);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "{Method} {Path} returned {StatusCode} in {ElapsedMs:0.#} ms")]
    public static partial void RequestFinished(ILogger logger, string method, string? path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "{Method} {Path} failed after {ElapsedMs:0.#} ms: {ErrorType} ({HttpRequestError})")]
    public static partial void RequestFailed(ILogger logger, string method, string? path, double elapsedMs, string errorType, string? httpRequestError);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Retrying {Method} {Path} in {DelayMs:0} ms (retry {Attempt} of {MaxRetries}): {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string? path, double delayMs, int attempt, int maxRetries, string reason);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Not retrying {Method} {Path}: {Reason}")]
    public static partial void NotRetrying(ILogger logger, string method, string? path, string reason);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "{Method} {Path} timed out ({Kind} timeout of {TimeoutMs:0} ms)")]
    public static partial void TimedOut(ILogger logger, string method, string? path, RaviTimeoutKind kind, double timeoutMs);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Client-side send limit reached for identity {Identity}; next slot in {RetryAfterSeconds:0} s")]
    public static partial void SendLimited(ILogger logger, string identity, double retryAfterSeconds);
}

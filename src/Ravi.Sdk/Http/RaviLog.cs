using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>Source-generated log messages of the HTTP layer. None of them carries a secret.</summary>
internal static partial class RaviLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Ravi API returned {StatusCode} ({Code}) for {Method} {Path}")]
    public static partial void ApiError(ILogger logger, int statusCode, string? code, string? method, string? path);
}

using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>Source-generated log messages of the tools. Messages carry no argument values beyond the ~200 characters the model is shown.</summary>
internal static partial class ToolLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Ravi tool {Tool} failed ({Code}): {Reason}")]
    public static partial void Failed(ILogger logger, string tool, string code, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Ravi tool {Tool} failed unexpectedly")]
    public static partial void Crashed(ILogger logger, string tool, Exception exception);
}

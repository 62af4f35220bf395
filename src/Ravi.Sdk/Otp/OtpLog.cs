using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Otp;

/// <summary>Source-generated log messages of the OTP helpers. None carries a code, a link or message text.</summary>
internal static partial class OtpLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "OTP wait switching to polling: {Reason}")]
    public static partial void FallingBackToPolling(ILogger logger, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "OTP wait: transient error while checking the inbox; retrying")]
    public static partial void TransientError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "OTP wait matched {Channel} message {MessageId}")]
    public static partial void Matched(ILogger logger, OtpChannel channel, long messageId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "OTP wait: skipped a {Channel} conversation whose id from the server cannot be used in a URL")]
    public static partial void SkippedBadId(ILogger logger, OtpChannel channel);
}

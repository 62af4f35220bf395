namespace Ravi.Sdk.Agents.Results;

/// <summary>One SMS in a conversation.</summary>
internal sealed record SmsMessageItem(long MessageId, string? Direction, string? Text, bool? TextTruncated, DateTimeOffset? ReceivedAt, bool IsRead);

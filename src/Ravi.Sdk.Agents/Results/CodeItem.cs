namespace Ravi.Sdk.Agents.Results;

/// <summary>A verification code and the message it came in.</summary>
internal sealed record CodeItem(string Code, string Channel, string? From, string? Subject, DateTimeOffset? ReceivedAt, long MessageId, string? ConversationId, string? Text, bool? TextTruncated);

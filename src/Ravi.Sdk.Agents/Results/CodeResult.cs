namespace Ravi.Sdk.Agents.Results;

/// <summary>The result of wait_for_code; <see cref="AlsoReceived"/> holds a second code that arrived on the other channel in the same moment (channel "either"), so it is not lost.</summary>
internal sealed record CodeResult(string Notice, string Code, string Channel, string? From, string? Subject, DateTimeOffset? ReceivedAt, long MessageId, string? ConversationId, string? Text, bool? TextTruncated, CodeItem? AlsoReceived);

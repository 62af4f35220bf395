namespace Ravi.Sdk.Agents.Results;

/// <summary>An SMS conversation with its messages.</summary>
internal sealed record SmsConversationResult(string Notice, string ConversationId, string? From, string? Phone, IReadOnlyList<SmsMessageItem> Messages);

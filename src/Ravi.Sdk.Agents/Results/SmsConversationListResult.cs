namespace Ravi.Sdk.Agents.Results;

/// <summary>An SMS listing.</summary>
internal sealed record SmsConversationListResult(string Notice, int Count, IReadOnlyList<SmsConversationItem> Conversations, bool? Truncated);

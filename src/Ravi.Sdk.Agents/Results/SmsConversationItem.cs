namespace Ravi.Sdk.Agents.Results;

/// <summary>One SMS conversation in a listing.</summary>
internal sealed record SmsConversationItem(string ConversationId, string? From, string? Preview, int MessageCount, int UnreadCount, DateTimeOffset? LatestAt);

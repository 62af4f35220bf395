namespace Ravi.Sdk.Agents.Results;

/// <summary>One thread in an inbox listing.</summary>
internal sealed record EmailThreadItem(string ThreadId, string? Subject, string? From, string? Preview, int MessageCount, int UnreadCount, DateTimeOffset? LatestAt);

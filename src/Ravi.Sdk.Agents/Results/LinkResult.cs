namespace Ravi.Sdk.Agents.Results;

/// <summary>The result of wait_for_link.</summary>
internal sealed record LinkResult(string Notice, string Url, string? LinkText, string? From, string? Subject, DateTimeOffset? ReceivedAt, long MessageId, string? ThreadId);

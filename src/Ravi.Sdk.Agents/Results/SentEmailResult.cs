namespace Ravi.Sdk.Agents.Results;

/// <summary>An email that was sent.</summary>
internal sealed record SentEmailResult(string Status, long MessageId, string? ThreadId, string? To, string? Cc, string? Subject);

namespace Ravi.Sdk.Agents.Results;

/// <summary>A thread with its messages.</summary>
internal sealed record EmailThreadResult(string Notice, string ThreadId, string? Subject, int MessageCount, IReadOnlyList<EmailMessageItem> Messages);

namespace Ravi.Sdk.Agents.Results;

/// <summary>An inbox listing.</summary>
internal sealed record EmailThreadListResult(string Notice, int Count, IReadOnlyList<EmailThreadItem> Threads, bool? Truncated);

namespace Ravi.Sdk.Agents.Results;

/// <summary>The saved website credentials.</summary>
internal sealed record PasswordListResult(int Count, IReadOnlyList<PasswordItem> Entries, bool? Truncated);

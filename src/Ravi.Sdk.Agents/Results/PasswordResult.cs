namespace Ravi.Sdk.Agents.Results;

/// <summary>The credentials saved for a domain.</summary>
internal sealed record PasswordResult(string Domain, IReadOnlyList<PasswordEntryItem> Entries);

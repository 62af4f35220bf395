namespace Ravi.Sdk.Agents.Results;

/// <summary>The identities of the account.</summary>
internal sealed record IdentityListResult(int Count, IReadOnlyList<IdentityItem> Identities, bool? Truncated);

namespace Ravi.Sdk.Agents.Results;

/// <summary>The keys of the vault.</summary>
internal sealed record SecretListResult(int Count, IReadOnlyList<SecretKeyItem> Secrets, bool? Truncated);

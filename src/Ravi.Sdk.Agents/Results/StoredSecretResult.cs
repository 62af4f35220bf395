namespace Ravi.Sdk.Agents.Results;

/// <summary>A stored secret (the value is not echoed).</summary>
internal sealed record StoredSecretResult(string Status, string Key, bool Encrypted);

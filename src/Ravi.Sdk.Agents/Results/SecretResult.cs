namespace Ravi.Sdk.Agents.Results;

/// <summary>A vault secret, decrypted.</summary>
internal sealed record SecretResult(string Key, string? Value, string? Notes, DateTimeOffset? UpdatedAt);

namespace Ravi.Sdk.Agents.Results;

/// <summary>A vault secret in a listing (no value).</summary>
internal sealed record SecretKeyItem(string Key, DateTimeOffset? UpdatedAt);

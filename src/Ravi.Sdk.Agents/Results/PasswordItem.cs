namespace Ravi.Sdk.Agents.Results;

/// <summary>A saved website credential in a listing (no password).</summary>
internal sealed record PasswordItem(string? Domain, string? Username, DateTimeOffset? UpdatedAt);

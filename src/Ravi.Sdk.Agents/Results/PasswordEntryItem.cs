namespace Ravi.Sdk.Agents.Results;

/// <summary>A website credential, decrypted.</summary>
internal sealed record PasswordEntryItem(string? Username, string? Password, string? Notes, DateTimeOffset? UpdatedAt);

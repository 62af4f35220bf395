namespace Ravi.Sdk.Agents.Results;

/// <summary>An identity as the tools return it.</summary>
internal sealed record IdentityItem(string Uuid, string Name, string? Email, string? Phone, DateTimeOffset? CreatedAt);

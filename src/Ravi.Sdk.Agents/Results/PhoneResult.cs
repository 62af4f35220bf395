namespace Ravi.Sdk.Agents.Results;

/// <summary>The identity's phone number.</summary>
internal sealed record PhoneResult(string PhoneNumber, string? Provider, string? Identity);

namespace Ravi.Sdk.Agents.Results;

/// <summary>A current TOTP code.</summary>
internal sealed record TotpCodeResult(string Name, string Code, int SecondsRemaining, DateTimeOffset ValidUntil);

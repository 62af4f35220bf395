namespace Ravi.Sdk.Agents.Results;

/// <summary>A TOTP enrolment (no secret).</summary>
internal sealed record TotpEnrollmentItem(string Name, string VaultKey, string? Issuer, string? Account, string Algorithm, int Digits, int PeriodSeconds);

namespace Ravi.Sdk.Agents.Results;

/// <summary>The TOTP enrolments of an identity.</summary>
internal sealed record TotpListResult(int Count, IReadOnlyList<TotpEnrollmentItem> Enrollments);

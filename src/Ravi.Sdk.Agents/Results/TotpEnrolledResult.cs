namespace Ravi.Sdk.Agents.Results;

/// <summary>An enrolment with its first code (to confirm the enrolment on the website).</summary>
internal sealed record TotpEnrolledResult(string Status, TotpEnrollmentItem Enrollment, string Code, int SecondsRemaining);

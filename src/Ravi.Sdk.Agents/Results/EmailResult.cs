namespace Ravi.Sdk.Agents.Results;

/// <summary>One email (wait_for_email).</summary>
internal sealed record EmailResult(string Notice, EmailMessageItem Email);

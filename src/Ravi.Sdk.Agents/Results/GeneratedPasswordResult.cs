namespace Ravi.Sdk.Agents.Results;

/// <summary>A generated password (not stored).</summary>
internal sealed record GeneratedPasswordResult(string Password, int Length);

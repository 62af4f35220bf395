namespace Ravi.Sdk.Agents.Results;

/// <summary>The outcome of an action that returns nothing else.</summary>
internal sealed record StatusResult(string Status, string Message);

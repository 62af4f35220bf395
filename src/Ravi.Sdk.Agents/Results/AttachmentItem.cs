namespace Ravi.Sdk.Agents.Results;

/// <summary>An email attachment (metadata only).</summary>
internal sealed record AttachmentItem(string? Filename, string? ContentType, long? Size);

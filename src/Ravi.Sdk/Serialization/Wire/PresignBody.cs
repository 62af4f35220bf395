namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/email-attachments/presign/</c>.</summary>
internal sealed record PresignBody(string Filename, string ContentType, long Size);

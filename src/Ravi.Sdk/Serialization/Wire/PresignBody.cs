using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/email-attachments/presign/</c>.</summary>
internal sealed record PresignBody(
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("content_type")] string ContentType,
    [property: JsonPropertyName("size")] long Size);

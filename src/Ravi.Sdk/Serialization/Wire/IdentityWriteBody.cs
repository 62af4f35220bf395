using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST/PUT /api/identities/</c>.</summary>
internal sealed record IdentityWriteBody([property: JsonPropertyName("name")] string Name);

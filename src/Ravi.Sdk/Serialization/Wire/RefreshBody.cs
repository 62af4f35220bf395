using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/auth/token/refresh/</c> and <c>/api/auth/logout/</c>.</summary>
internal sealed record RefreshBody([property: JsonPropertyName("refresh")] string? Refresh)
{
    /// <summary>Never shows the secret.</summary>
    public override string ToString() => "RefreshBody { Refresh = *** }";
}

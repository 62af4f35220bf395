using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/auth/login/</c>.</summary>
internal sealed record LoginBody([property: JsonPropertyName("email")] string Email, [property: JsonPropertyName("password")] string Password)
{
    /// <summary>Never shows the secret.</summary>
    public override string ToString() => $"LoginBody {{ Email = {Email}, Password = *** }}";
}

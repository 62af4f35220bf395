namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/auth/login/</c>.</summary>
internal sealed record LoginBody(string Email, string Password);

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Response of <c>GET /api/passwords/generate_password/</c>.</summary>
internal sealed record GeneratedPasswordWire(string Password);

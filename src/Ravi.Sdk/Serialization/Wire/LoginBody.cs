namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/auth/login/</c>.</summary>
internal sealed record LoginBody(string Email, string Password)
{
    /// <summary>Never shows the secret.</summary>
    public override string ToString() => $"LoginBody {{ Email = {Email}, Password = *** }}";
}

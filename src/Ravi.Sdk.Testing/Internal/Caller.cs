namespace Ravi.Sdk.Testing.Internal;

/// <summary>Who is calling: the authenticated user and, for identity-scoped endpoints, the identity from <c>X-Ravi-Identity</c>.</summary>
/// <param name="User">The authenticated user.</param>
/// <param name="Identity">The identity, for identity-scoped endpoints.</param>
internal sealed record Caller(UserRecord User, IdentityRecord? Identity)
{
    public IdentityRecord RequiredIdentity => Identity ?? throw new InvalidOperationException("Endpoint is not identity-scoped.");
}

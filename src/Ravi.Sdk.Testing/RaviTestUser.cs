namespace Ravi.Sdk.Testing;

/// <summary>A user account on a <see cref="RaviTestServer"/>.</summary>
/// <param name="Id">The user id (<c>id</c> in <c>/api/auth/user/</c>).</param>
/// <param name="Email">The login email.</param>
/// <param name="Password">The login password.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
public sealed record RaviTestUser(long Id, string Email, string Password, string FirstName, string LastName)
{
    /// <inheritdoc/>
    public override string ToString() => $"RaviTestUser {{ Id = {Id}, Email = {Email} }}";
}

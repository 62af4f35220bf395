namespace Ravi.Sdk.Testing;

/// <summary>A user account on a <see cref="RaviTestServer"/>.</summary>
public sealed record RaviTestUser
{
    /// <summary>The user id (<c>id</c> in <c>/api/auth/user/</c>).</summary>
    public required long Id { get; init; }

    /// <summary>The login email.</summary>
    public required string Email { get; init; }

    /// <summary>The login password.</summary>
    public required string Password { get; init; }

    /// <summary>The first name.</summary>
    public string FirstName { get; init; } = "";

    /// <summary>The last name.</summary>
    public string LastName { get; init; } = "";

    /// <inheritdoc/>
    public override string ToString() => $"RaviTestUser {{ Id = {Id}, Email = {Email} }}";
}

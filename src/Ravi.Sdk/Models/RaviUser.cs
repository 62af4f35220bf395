namespace Ravi.Sdk.Models;

/// <summary>The signed-in Ravi user (account owner).</summary>
public sealed record RaviUser
{
    /// <summary>The user id.</summary>
    public long Id { get; init; }

    /// <summary>The user's email.</summary>
    public string? Email { get; init; }

    /// <summary>The user's first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>The user's last name.</summary>
    public string? LastName { get; init; }
}

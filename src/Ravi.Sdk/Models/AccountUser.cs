using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>The signed-in Ravi user: the person who owns the account (<c>GET /api/auth/user/</c>).</summary>
public sealed record AccountUser
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; init; }

    /// <summary>The user's email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The user's first name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    /// <summary>The user's last name.</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }
}

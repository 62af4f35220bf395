using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>
/// The fields of a password entry to create or update. <see cref="Username"/>, <see cref="Password"/> and
/// <see cref="Notes"/> are encrypted client-side before they leave the process.
/// </summary>
public sealed record PasswordEntryRequest
{
    /// <summary>The website domain (plaintext). Required.</summary>
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }

    /// <summary>The username.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>The password.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }

    /// <summary>Notes.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"PasswordEntryRequest {{ Domain = {Domain}, Username = ***, Password = *** }}";
}

using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>A token pair from login, device flow or refresh. <see cref="ToString"/> never shows the tokens.</summary>
public sealed record RaviTokens
{
    /// <summary>The access token (JWT) or API key.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The refresh token, if any.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The user the tokens belong to, when the server says.</summary>
    public AccountUser? User { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"RaviTokens {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "null" : "***")}, User = {User?.Email} }}";
}

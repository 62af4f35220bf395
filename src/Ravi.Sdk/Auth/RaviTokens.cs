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

    /// <summary>
    /// Set only on the tokens a login returns (<c>LoginAsync</c>, <c>LoginWithDeviceCodeAsync</c>) when the login succeeded but
    /// the tokens could not be saved to the client's token store (e.g. <c>auth.json</c> is a directory, is not writable, or
    /// belongs to another account): the client is signed in for its lifetime, but other processes and the next run are not.
    /// The message says why and what to do. <see langword="null"/> when they were saved (or there is no store).
    /// </summary>
    public RaviTokenStoreException? SaveFailure { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"RaviTokens {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "null" : "***")}, User = {User?.Email} }}";
}

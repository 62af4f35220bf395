using Ravi.Sdk.Models;

namespace Ravi.Sdk.Otp;

/// <summary>A verification (confirm, activate, magic-login) link found in an email.</summary>
public sealed record VerificationLink
{
    /// <summary>The link, with HTML entities decoded. It may carry a secret token: do not log it.</summary>
    public required Uri Url { get; init; }

    /// <summary>The anchor text, when the link came from the HTML body.</summary>
    public string? Text { get; init; }

    /// <summary>The email it was found in.</summary>
    public required EmailMessage Message { get; init; }

    /// <summary>Describes the link without its path or query (which may hold a token).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"VerificationLink {{ Host = {Url.Host}, MessageId = {Message.Id} }}";
}

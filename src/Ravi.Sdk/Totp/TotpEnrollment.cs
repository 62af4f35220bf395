namespace Ravi.Sdk.Totp;

/// <summary>A TOTP secret enrolled in an identity's vault (see <see cref="Resources.TotpClient"/>). Holds no secret.</summary>
public sealed record TotpEnrollment
{
    /// <summary>The enrolment's name as stored: upper case letters, digits and underscores, e.g. <c>GITHUB</c>. Pass it (in any case) to <see cref="Resources.TotpClient.GetCodeAsync"/>.</summary>
    public required string Name { get; init; }

    /// <summary>The vault key holding the secret: <c>TOTP_</c> followed by <see cref="Name"/>.</summary>
    public required string VaultKey { get; init; }

    /// <summary>The service that issued the secret (the otpauth <c>issuer</c>), e.g. <c>GitHub</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The account at that service (the otpauth label's account part), e.g. <c>agent@in.ravi.app</c>.</summary>
    public string? AccountName { get; init; }

    /// <summary>The HMAC hash.</summary>
    public required TotpAlgorithm Algorithm { get; init; }

    /// <summary>The number of digits of a code (6–8).</summary>
    public required int Digits { get; init; }

    /// <summary>How long each code is valid.</summary>
    public required TimeSpan Period { get; init; }
}

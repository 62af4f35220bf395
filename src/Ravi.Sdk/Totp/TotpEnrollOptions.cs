namespace Ravi.Sdk.Totp;

/// <summary>
/// How to enrol a TOTP secret. For an <c>otpauth://</c> URI, <see cref="Algorithm"/>, <see cref="Digits"/> and
/// <see cref="Period"/> come from the URI (setting a different value here is an error); for a bare base32 secret they
/// default to SHA1, 6 digits and 30 s, the values nearly every service uses.
/// </summary>
public sealed class TotpEnrollOptions
{
    /// <summary>
    /// The enrolment's name; default: the issuer, else the account name. Stored normalized (upper case, characters other
    /// than letters and digits become <c>_</c>), so <c>"GitHub"</c> and <c>"github"</c> are the same enrolment.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>The issuing service; overrides the URI's.</summary>
    public string? Issuer { get; set; }

    /// <summary>The account at the service; overrides the URI's.</summary>
    public string? AccountName { get; set; }

    /// <summary>The HMAC hash (base32 secrets; default SHA1).</summary>
    public TotpAlgorithm? Algorithm { get; set; }

    /// <summary>The number of digits, 6–8 (base32 secrets; default 6).</summary>
    public int? Digits { get; set; }

    /// <summary>The period, 1 s to 10 minutes in whole seconds (base32 secrets; default 30 s).</summary>
    public TimeSpan? Period { get; set; }

    /// <summary>Copies these options.</summary>
    /// <returns>A shallow copy.</returns>
    public TotpEnrollOptions Clone() => (TotpEnrollOptions)MemberwiseClone();
}

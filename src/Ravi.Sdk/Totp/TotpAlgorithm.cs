namespace Ravi.Sdk.Totp;

/// <summary>The HMAC hash of a TOTP secret (the otpauth <c>algorithm</c> parameter).</summary>
public enum TotpAlgorithm
{
    /// <summary>HMAC-SHA1, the default and by far the most common.</summary>
    Sha1,

    /// <summary>HMAC-SHA256.</summary>
    Sha256,

    /// <summary>HMAC-SHA512.</summary>
    Sha512,
}

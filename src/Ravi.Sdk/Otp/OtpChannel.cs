namespace Ravi.Sdk.Otp;

/// <summary>Where a one-time code arrived.</summary>
public enum OtpChannel
{
    /// <summary>By SMS, at the identity's phone number.</summary>
    Sms,

    /// <summary>By email, in the identity's inbox.</summary>
    Email,
}

namespace Ravi.Sdk.Otp;

/// <summary>The delays between a polling wait's inbox checks: <see cref="OtpWaitOptions.PollInterval"/>, growing by half per empty poll up to <see cref="OtpWaitOptions.MaxPollInterval"/>.</summary>
internal static class OtpPollDelay
{
    /// <summary>The delay before the first poll after the wait started polling.</summary>
    public static TimeSpan First(OtpWaitOptions options) => options.PollInterval;

    /// <summary>The delay after a poll that found nothing, <paramref name="previous"/> having been the one before it.</summary>
    public static TimeSpan Next(TimeSpan previous, OtpWaitOptions options) =>
        TimeSpan.FromTicks(Math.Min((long)(previous.Ticks * 1.5), options.MaxPollInterval.Ticks));
}

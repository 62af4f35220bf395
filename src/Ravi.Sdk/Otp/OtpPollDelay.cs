using Ravi.Sdk.Http;

namespace Ravi.Sdk.Otp;

/// <summary>
/// The delays between a polling wait's inbox checks: the SDK's one backoff (<see cref="RaviBackoff"/>) from
/// <see cref="OtpWaitOptions.PollInterval"/>, growing by half per empty poll up to <see cref="OtpWaitOptions.MaxPollInterval"/>,
/// without jitter, and never sooner than a server's <c>Retry-After</c> on the last failed check.
/// </summary>
internal sealed class OtpPollDelay(OtpWaitOptions options)
{
    private readonly RaviBackoff _backoff = new(options.PollInterval, options.MaxPollInterval, factor: 1.5, jitter: false);
    private int _polls = 1;
    private TimeSpan? _retryAfter;

    /// <summary>The delay before the next poll (the server's last <c>Retry-After</c>, if longer, is taken and cleared).</summary>
    public TimeSpan Next()
    {
        var delay = RaviBackoff.Honour(_backoff.Delay(_polls), _retryAfter);
        _retryAfter = null;
        return delay;
    }

    /// <summary>A poll found nothing: the next delay grows.</summary>
    public void Empty() => _polls++;

    /// <summary>A check failed transiently: a <c>Retry-After</c> it carried holds back the next poll.</summary>
    public void Failed(Exception exception)
    {
        if (RaviRetryAfter.Of(exception) is { } asked)
        {
            _retryAfter = RaviBackoff.Honour(asked, _retryAfter);
        }
    }
}

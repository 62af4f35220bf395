using System.Text.RegularExpressions;

namespace Ravi.Sdk.Otp;

/// <summary>What an OTP wait looks for and how long it waits.</summary>
public sealed class OtpWaitOptions
{
    /// <summary>How long to wait before throwing <see cref="RaviWaitTimeoutException"/>. Default 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Ignore messages received before this instant (by the server's timestamp), even unread ones. Default: the moment
    /// the wait starts, so a stale code is never returned.
    /// </summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>
    /// How far before <see cref="Since"/> a message may be stamped and still count, to absorb clock differences between
    /// this machine and the server. Default 5 s.
    /// </summary>
    public TimeSpan ClockSkewTolerance { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Only messages whose sender (phone number or email address) contains this text (case-insensitive).</summary>
    public string? FromContains { get; set; }

    /// <summary>Only emails whose subject contains this text (case-insensitive). Not valid for SMS waits.</summary>
    public string? SubjectContains { get; set; }

    /// <summary>Only messages whose text contains this text (case-insensitive).</summary>
    public string? TextContains { get; set; }

    /// <summary>
    /// A custom code pattern: the code is its group named <c>code</c> (else its first group, else the whole match).
    /// Replaces the default extractor.
    /// </summary>
    public Regex? CodePattern { get; set; }

    /// <summary>A custom extractor: returns the code found in a message's text, or null. Replaces the default extractor.</summary>
    public Func<string, string?>? CodeExtractor { get; set; }

    /// <summary>For link waits: only links this accepts (the best of them is returned even without verification keywords).</summary>
    public Func<Uri, bool>? LinkFilter { get; set; }

    /// <summary>How new messages are noticed. Default <see cref="OtpTransport.Auto"/> (SSE, polling as fallback).</summary>
    public OtpTransport Transport { get; set; } = OtpTransport.Auto;

    /// <summary>The first polling interval (polling transport or fallback). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest polling interval the backoff reaches. Default 5 s.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Copies these options.</summary>
    /// <returns>A shallow copy.</returns>
    public OtpWaitOptions Clone() => (OtpWaitOptions)MemberwiseClone();

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    internal void Validate(string paramName, bool sms)
    {
        if (Timeout <= TimeSpan.Zero || Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{nameof(Timeout)} must be positive and finite.", paramName);
        }

        if (ClockSkewTolerance < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ClockSkewTolerance)} must not be negative.", paramName);
        }

        if (PollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval)
        {
            throw new ArgumentException($"{nameof(PollInterval)} must be positive and not above {nameof(MaxPollInterval)}.", paramName);
        }

        if (sms && SubjectContains is not null)
        {
            throw new ArgumentException($"{nameof(SubjectContains)} applies to emails only.", paramName);
        }

        if (CodePattern is not null && CodeExtractor is not null)
        {
            throw new ArgumentException($"Set either {nameof(CodePattern)} or {nameof(CodeExtractor)}, not both.", paramName);
        }

        if (!Enum.IsDefined(Transport))
        {
            throw new ArgumentException($"{nameof(Transport)} is not a valid {nameof(OtpTransport)}.", paramName);
        }
    }
}

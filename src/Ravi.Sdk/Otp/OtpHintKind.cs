namespace Ravi.Sdk.Otp;

/// <summary>What an <see cref="OtpHint"/> asks the wait to do.</summary>
internal enum OtpHintKind
{
    /// <summary>Check every unread conversation or thread (a catch-up, or a poll).</summary>
    PollAll,

    /// <summary>Read the one conversation or thread an event announced.</summary>
    Container,

    /// <summary>The event stream is over: poll from now on (or fail, with <see cref="OtpTransport.Sse"/>).</summary>
    Fallback,
}

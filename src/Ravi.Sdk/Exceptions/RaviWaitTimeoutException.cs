namespace Ravi.Sdk;

/// <summary>
/// A wait of the OTP helpers (for a code, an email, a link…) ended without a match. The message names what was awaited,
/// since when and for how long. Not a request timeout: an HTTP call that takes too long is a
/// <see cref="RaviRequestTimeoutException"/>.
/// </summary>
public sealed class RaviWaitTimeoutException : RaviException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="awaited">A description of what was awaited, e.g. "an SMS code from +1555…".</param>
    /// <param name="since">Messages older than this were ignored.</param>
    /// <param name="timeout">How long the wait lasted.</param>
    public RaviWaitTimeoutException(string awaited, DateTimeOffset since, TimeSpan timeout)
        : base($"Timed out after {timeout.TotalSeconds:0.###} s waiting for {awaited} (considering messages since {since:O}).")
    {
        Awaited = awaited;
        Since = since;
        Timeout = timeout;
    }

    /// <summary>What was awaited.</summary>
    public string Awaited { get; }

    /// <summary>The start of the window: older messages were ignored.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>How long the wait lasted.</summary>
    public TimeSpan Timeout { get; }
}

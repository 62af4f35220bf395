namespace Ravi.Sdk.Otp;

/// <summary>How the OTP helpers learn about new messages.</summary>
public enum OtpTransport
{
    /// <summary>The event stream (SSE), falling back to polling when the stream fails or is unavailable. The default.</summary>
    Auto,

    /// <summary>The event stream only; its failures end the wait with the error.</summary>
    Sse,

    /// <summary>Polling the inbox for unread messages (<c>?unread=true&amp;has_unread=true</c>), starting every second and backing off.</summary>
    Polling,
}

namespace Ravi.Sdk.Otp;

/// <summary>What the wait should look at next; <paramref name="Resume"/> is completed to reopen a stream paused for this hint.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="ContainerId">The conversation or thread to read (<see cref="OtpHintKind.Container"/>).</param>
/// <param name="Error">Why the stream ended (<see cref="OtpHintKind.Fallback"/>), if it failed.</param>
/// <param name="Reason">Why the stream ended, for the log and the error message.</param>
/// <param name="Resume">Set when the stream closed to let the conversation be read: completed when it did not match.</param>
internal readonly record struct OtpHint(OtpHintKind Kind, string? ContainerId = null, Exception? Error = null, string? Reason = null, TaskCompletionSource? Resume = null);

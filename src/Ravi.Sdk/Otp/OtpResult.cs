namespace Ravi.Sdk.Otp;

/// <summary>A one-time code found in an SMS or email, with the message it came from.</summary>
public sealed record OtpResult
{
    /// <summary>The code (digits only for the default extractor; whatever a custom extractor returned otherwise).</summary>
    public required string Code { get; init; }

    /// <summary>The full text of the message the code was read from (for email: subject, a blank line, then the body).</summary>
    public required string Text { get; init; }

    /// <summary>The sender (phone number or email address).</summary>
    public string? From { get; init; }

    /// <summary>The email subject (null for SMS).</summary>
    public string? Subject { get; init; }

    /// <summary>When the server received the message.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Whether the code came by SMS or email.</summary>
    public OtpChannel Channel { get; init; }

    /// <summary>The id of the SMS or email message.</summary>
    public long MessageId { get; init; }

    /// <summary>The SMS conversation the code came in (<see cref="OtpChannel.Sms"/>); null for email.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The email thread the code came in (<see cref="OtpChannel.Email"/>); null for SMS.</summary>
    public string? ThreadId { get; init; }

    /// <summary>Describes the result without the code or the text.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"OtpResult {{ Channel = {Channel}, From = {From}, MessageId = {MessageId}, ReceivedAt = {ReceivedAt:O}, Code = *** }}";
}

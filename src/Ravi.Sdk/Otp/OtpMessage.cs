using Ravi.Sdk.Models;

namespace Ravi.Sdk.Otp;

/// <summary>An inbound SMS or email, normalized for matching.</summary>
internal sealed record OtpMessage
{
    public required OtpChannel Channel { get; init; }

    public required long Id { get; init; }

    /// <summary>The SMS conversation id or the email thread id (the container the message is read from).</summary>
    public required string ConversationId { get; init; }

    public string? From { get; init; }

    public string? Subject { get; init; }

    /// <summary>The body as plain text (SMS body; email text body, or the HTML body rendered as text).</summary>
    public required string Body { get; init; }

    /// <summary>What the code extractor reads: the SMS body, or the email subject, a blank line and the body.</summary>
    public string ExtractionText => Subject is null ? Body : $"{Subject}\n\n{Body}";

    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The email (email messages only).</summary>
    public EmailMessage? Email { get; init; }
}

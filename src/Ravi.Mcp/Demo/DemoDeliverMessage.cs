using System.ComponentModel;
using Ravi.Sdk.Testing;

namespace Ravi.Mcp.Demo;

/// <summary><c>demo_deliver_message</c>: makes a test SMS or email arrive at an identity of the demo server.</summary>
internal sealed class DemoDeliverMessage(RaviTestServer server)
{
    public const string ToolName = "demo_deliver_message";

    public const string ToolDescription =
        "DEMO ONLY (this server runs against an embedded test server): delivers a test SMS or email to an identity, as if an " +
        "outside service had sent it, e.g. 'Your verification code is 482913'. Use it to try wait_for_code and the inbox tools. " +
        "Returns what was delivered.";

    private const int MaxTextLength = 10_000;

    public Task<string> DeliverAsync(
        [Description("The receiving identity's UUID (from list_identities or create_identity).")] string identity,
        [Description("'sms' or 'email'.")] string channel,
        [Description("The message text, e.g. 'Your verification code is 482913.'")] string text,
        [Description("The sender: a phone number for SMS (default +15550100000) or an email address for email (default noreply@example.com).")] string from = "",
        [Description("The email subject (email only; default 'Your verification code').")] string subject = "",
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        identity ??= string.Empty;
        if (!Guid.TryParseExact(identity, "D", out _))
        {
            throw new ArgumentException($"identity must be an identity's UUID (see list_identities), not '{Cut(identity)}'.", nameof(identity));
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            throw new ArgumentException($"text must be 1 to {MaxTextLength} characters.", nameof(text));
        }

        try
        {
            switch (channel?.Trim().ToLowerInvariant())
            {
                case "sms":
                    var smsFrom = string.IsNullOrWhiteSpace(from) ? "+15550100000" : from.Trim();
                    server.InjectSms(identity, smsFrom, text);
                    return Task.FromResult($"Delivered an SMS from {smsFrom} to identity {identity}: \"{text}\"");
                case "email":
                    var emailFrom = string.IsNullOrWhiteSpace(from) ? "noreply@example.com" : from.Trim();
                    var emailSubject = string.IsNullOrWhiteSpace(subject) ? "Your verification code" : subject;
                    server.InjectEmail(identity, emailFrom, emailSubject, text);
                    return Task.FromResult($"Delivered an email from {emailFrom} to identity {identity} (subject \"{emailSubject}\"): \"{text}\"");
                default:
                    throw new ArgumentException($"channel must be 'sms' or 'email', not '{Cut(channel)}'.", nameof(channel));
            }
        }
        catch (ArgumentException ex) when (ex.ParamName == "identityUuid")
        {
            throw new ArgumentException($"No identity {identity} exists on the demo server: use list_identities or create_identity.", nameof(identity), ex);
        }
    }

    private static string Cut(string? value) => value is null ? "null" : value.Length <= 200 ? value : value[..200] + "…";
}

using System.Text;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Otp;

/// <summary>
/// What one wait accepts: the caller's filters (sender, subject, text), the time window (<see cref="OtpWaitOptions.Since"/>
/// or the wait's start, less <see cref="OtpWaitOptions.ClockSkewTolerance"/>) and the extractor that turns a message into
/// the result (a code, the email, a link).
/// </summary>
internal sealed class OtpCriteria
{
    /// <param name="options">The validated copy of the caller's options.</param>
    /// <param name="what">What is awaited ("an SMS code"…), the start of <see cref="Awaited"/>.</param>
    /// <param name="now">The wait's start on the client's clock.</param>
    public OtpCriteria(OtpWaitOptions options, string what, DateTimeOffset now)
    {
        Options = options;
        Since = (options.Since ?? now) - options.ClockSkewTolerance;
        Awaited = Describe(what, options);
    }

    public OtpWaitOptions Options { get; }

    /// <summary>The oldest message the wait considers.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>What the wait is for, with its criteria, for the timeout's message.</summary>
    public string Awaited { get; }

    /// <summary>
    /// Whether a preview (an event, a listed conversation) may announce a match: a sender or subject it does not carry
    /// (null) rules nothing out, since previews are incomplete; full messages go through <see cref="Candidates"/>.
    /// </summary>
    public bool MayMatch(string? from, string? subject) =>
        (from is null || ContainsText(from, Options.FromContains)) && (subject is null || ContainsText(subject, Options.SubjectContains));

    /// <summary>Whether something last changed at <paramref name="at"/> (null: unknown) falls within the window.</summary>
    public bool InWindow(DateTimeOffset? at) => at is null || at >= Since;

    /// <summary>
    /// The messages of one conversation or thread that count, newest first: within the window, not yet returned by a wait
    /// of the client, and passing the sender, subject and text filters.
    /// </summary>
    public IEnumerable<OtpMessage> Candidates(IEnumerable<OtpMessage> messages, ConsumedMessageSet consumed) =>
        messages
            .Where(m => InWindow(m.ReceivedAt) && !consumed.Contains(m.Channel, m.Id))
            .OrderByDescending(m => m.ReceivedAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(m => m.Id)
            .Where(m => ContainsText(m.From, Options.FromContains) && ContainsText(m.Subject, Options.SubjectContains) && ContainsText(m.Body, Options.TextContains));

    /// <summary>Reads a code from <paramref name="text"/> with the options' extractor or pattern, or the default one.</summary>
    public string? ExtractCode(string text)
    {
        if (Options.CodeExtractor is { } extractor)
        {
            var code = extractor(text);
            return string.IsNullOrEmpty(code) ? null : code;
        }

        if (Options.CodePattern is { } pattern)
        {
            var match = pattern.Match(text);
            if (!match.Success)
            {
                return null;
            }

            var named = match.Groups["code"];
            var value = named.Success ? named.Value : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
            return value.Length == 0 ? null : value;
        }

        return OtpCodeExtractor.Extract(text);
    }

    /// <summary>The code in <paramref name="m"/> as an <see cref="OtpResult"/>, or null when it carries none.</summary>
    public OtpResult? ToCode(OtpMessage m)
    {
        var text = m.ExtractionText;
        var code = ExtractCode(text);
        return code is null ? null : new OtpResult
        {
            Code = code,
            Text = text,
            From = m.From,
            Subject = m.Subject,
            ReceivedAt = m.ReceivedAt,
            Channel = m.Channel,
            MessageId = m.Id,
            ConversationId = m.Channel == OtpChannel.Sms ? m.ConversationId : null,
            ThreadId = m.Channel == OtpChannel.Email ? m.ConversationId : null,
        };
    }

    /// <summary>The verification link in the email <paramref name="m"/> that the link filter accepts, or null.</summary>
    public VerificationLink? ToLink(OtpMessage m)
    {
        var link = VerificationLinkExtractor.Extract(m.Email!.HtmlContent, m.Email.TextContent, Options.LinkFilter);
        return link is { } l ? new VerificationLink { Url = l.Url, Text = l.Text, Message = m.Email } : null;
    }

    /// <summary>The email itself (any email passing the filters matches).</summary>
    public static EmailMessage? ToEmail(OtpMessage m) => m.Email;

    private static bool ContainsText(string? value, string? wanted) =>
        wanted is null || (value is not null && value.Contains(wanted, StringComparison.OrdinalIgnoreCase));

    private static string Describe(string what, OtpWaitOptions o)
    {
        var sb = new StringBuilder(what);
        if (o.FromContains is not null)
        {
            sb.Append(" from a sender containing '").Append(o.FromContains).Append('\'');
        }

        if (o.SubjectContains is not null)
        {
            sb.Append(" with a subject containing '").Append(o.SubjectContains).Append('\'');
        }

        if (o.TextContains is not null)
        {
            sb.Append(" with text containing '").Append(o.TextContains).Append('\'');
        }

        if (o.CodePattern is not null)
        {
            sb.Append(" matching the pattern /").Append(o.CodePattern).Append('/');
        }
        else if (o.CodeExtractor is not null)
        {
            sb.Append(" accepted by the custom code extractor");
        }

        if (o.LinkFilter is not null)
        {
            sb.Append(" accepted by the link filter");
        }

        sb.Append(" (transport ").Append(o.Transport).Append(')');
        return sb.ToString();
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Email: messages, threads, injected inbound mail and the send limits (callers hold <see cref="Sync"/>).</summary>
internal sealed partial class ServerState
{
    private readonly Dictionary<long, EmailMessageRecord> _emails = [];
    private long _nextEmailId;

    public EmailMessageRecord? FindEmail(IdentityRecord identity, long id) =>
        _emails.TryGetValue(id, out var message) && message.IdentityUuid == identity.Uuid ? message : null;

    public EmailMessageRecord AddEmail(IdentityRecord identity, bool inbound, string? threadId, string from, string to, string cc, string bcc,
        string subject, string text, string? html, IReadOnlyList<AttachmentRecord> attachments)
    {
        threadId ??= "thread-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var message = new EmailMessageRecord
        {
            Id = ++_nextEmailId,
            IdentityUuid = identity.Uuid,
            MessageId = "<" + Guid.NewGuid().ToString("N") + "@" + Options.MailDomain + ">",
            ThreadId = threadId,
            From = from,
            To = to,
            Cc = cc,
            Bcc = bcc,
            Subject = subject,
            Text = text,
            Html = html,
            Inbound = inbound,
            IsRead = !inbound,
            Attachments = attachments,
            CreatedAt = Now,
        };
        _emails.Add(message.Id, message);
        identity.Emails.Add(message);
        if (!identity.Threads.TryGetValue(threadId, out var thread))
        {
            identity.Threads[threadId] = thread = [];
        }

        thread.Add(message);
        return message;
    }

    public RaviInjectedEmail InjectEmail(IdentityRecord identity, string from, string subject, string text, string? html, string? threadId)
    {
        if (threadId is not null && !identity.Threads.ContainsKey(threadId))
        {
            throw new ArgumentException($"Identity '{identity.Uuid}' has no thread '{threadId}'.", nameof(threadId));
        }

        var message = AddEmail(identity, inbound: true, threadId, from, identity.Inbox, "", "", subject, text, html, []);
        var data = new JsonObject
        {
            ["thread_id"] = message.ThreadId,
            ["from_email"] = from,
            ["subject"] = subject,
            ["preview"] = Preview(text.Length > 0 ? text : HtmlToText(html ?? "")),
        };
        var eventId = AppendEvent(identity, "email", Wire.ToJson(data));
        return new RaviInjectedEmail { MessageId = message.Id, ThreadId = message.ThreadId, EventId = eventId };
    }

    /// <summary>Returns the seconds to wait when a send now would exceed a limit, else <see langword="null"/>.</summary>
    public int? SendRetryAfter(IdentityRecord identity, out string detail)
    {
        var now = Now;
        identity.SendTimes.RemoveAll(t => now - t >= TimeSpan.FromDays(1));
        var retry = RetryAfter(identity.SendTimes, now, TimeSpan.FromHours(1), Options.EmailsPerHour);
        var daily = RetryAfter(identity.SendTimes, now, TimeSpan.FromDays(1), Options.EmailsPerDay);
        detail = daily is not null
            ? $"Email send limit reached ({Options.EmailsPerDay} per day)."
            : $"Email send limit reached ({Options.EmailsPerHour} per hour).";
        return retry is null ? daily : daily is null ? retry : Math.Max(retry.Value, daily.Value);
    }

    public void RecordSend(IdentityRecord identity, RaviSendKind kind, long? inReplyTo, EmailMessageRecord message, string body)
    {
        identity.SendTimes.Add(message.CreatedAt);
        _sent.Add(new RaviSentEmail
        {
            MessageId = message.Id,
            IdentityUuid = identity.Uuid,
            Kind = kind,
            InReplyTo = inReplyTo,
            ThreadId = message.ThreadId,
            From = message.From,
            To = message.To,
            Cc = message.Cc,
            Bcc = message.Bcc,
            Subject = message.Subject,
            Body = body,
            AttachmentUuids = [.. message.Attachments.Select(a => a.Uuid)],
            SentAt = message.CreatedAt,
        });
    }

    /// <summary>Sliding-window check: seconds until one of the <paramref name="limit"/> slots in the window frees up.</summary>
    public static int? RetryAfter(List<DateTimeOffset> times, DateTimeOffset now, TimeSpan window, int limit)
    {
        var inWindow = times.Where(t => now - t < window).OrderBy(t => t).ToList();
        if (inWindow.Count < limit)
        {
            return null;
        }

        var freesAt = limit == 0 ? now + window : inWindow[inWindow.Count - limit] + window;
        return Math.Max(1, (int)Math.Ceiling((freesAt - now).TotalSeconds));
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>/api/email-inbox/</c> (threads; reading one marks it read) and <c>/api/email-messages/</c> (a limit/offset page,
/// or a bare array in the CLI dialect; compose, reply and reply-all — plus forward in the CLI dialect — with 402 when
/// unpaid and 429 over the 60/hour, 500/day send limits). The CLI dialect also accepts the CLI's field names
/// (<c>to_email</c>, <c>content</c>, <c>cc</c>/<c>bcc</c> as arrays) and checks compose's <c>?inbox=</c>.
/// </summary>
internal static partial class EmailEndpoints
{
    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/email-inbox/", state, EndpointScope.Identity, context => ListThreads(state, context));
        app.Handle("GET", "/api/email-inbox/{threadId}/", state, EndpointScope.Identity, context => GetThread(state, context, context.Route("threadId")));
        app.Handle("GET", "/api/email-messages/", state, EndpointScope.Identity, context => ListMessages(state, context));
        app.Handle("GET", "/api/email-messages/{id:long}/", state, EndpointScope.Identity, context => GetMessage(state, context, context.RouteLong("id")));
        app.Handle("POST", "/api/email-messages/compose/", state, EndpointScope.Identity, context => Send(state, context, RaviSendKind.Compose, null));
        app.Handle("POST", "/api/email-messages/{id:long}/reply/", state, EndpointScope.Identity, context => Send(state, context, RaviSendKind.Reply, context.RouteLong("id")));
        app.Handle("POST", "/api/email-messages/{id:long}/reply-all/", state, EndpointScope.Identity, context => Send(state, context, RaviSendKind.ReplyAll, context.RouteLong("id")));
        if (state.Cli)
        {
            app.Handle("POST", "/api/email-messages/{id:long}/forward/", state, EndpointScope.Identity, context => Send(state, context, RaviSendKind.Forward, context.RouteLong("id")));
        }
    }

    private static IResult ListThreads(ServerState state, HttpContext context)
    {
        var unreadOnly = ReadFilter.InboxUnreadOnly(state, context.Request.Query);
        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            var threads = identity.Threads
                .Where(t => !unreadOnly || t.Value.Any(m => !m.IsRead))
                .OrderByDescending(t => t.Value[^1].CreatedAt).ThenByDescending(t => t.Value[^1].Id)
                .Select(t => (JsonNode)Wire.EmailThread(identity, t.Key, t.Value));
            return Api.Ok(new JsonArray([.. threads]));
        }
    }

    private static IResult GetThread(ServerState state, HttpContext context, string threadId)
    {
        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            if (!context.Caller().RequiredIdentity.Threads.TryGetValue(threadId, out var messages))
            {
                return Api.NotFound();
            }

            var body = Wire.EmailThreadDetail(threadId, messages, baseUrl);
            messages.ForEach(m => m.IsRead = true);
            return Api.Ok(body);
        }
    }

    private static IResult ListMessages(ServerState state, HttpContext context)
    {
        var query = context.Request.Query;
        var options = state.Options;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0
            ? Math.Min(l, options.MaxPageSize)
            : options.DefaultPageSize;
        var offset = int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var isRead = ReadFilter.MessagesIsRead(state, query);
        var direction = query["direction"].ToString();
        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            var matching = context.Caller().RequiredIdentity.Emails
                .Where(m => (isRead is null || m.IsRead == isRead) && (direction.Length == 0 || direction == (m.Inbound ? "inbound" : "outbound")))
                .Reverse()
                .ToList();
            if (state.Cli)
            {
                return Api.Ok(new JsonArray([.. matching.Select(m => (JsonNode)Wire.EmailMessage(m, baseUrl))])); // no pages
            }

            var page = matching.Skip(offset).Take(limit).Select(m => (JsonNode)Wire.EmailMessage(m, baseUrl));
            return Api.Ok(new JsonObject
            {
                ["count"] = matching.Count,
                ["next"] = offset + limit < matching.Count ? PageUrl(context.Request, baseUrl, limit, offset + limit) : null,
                ["previous"] = offset > 0 ? PageUrl(context.Request, baseUrl, limit, Math.Max(0, offset - limit)) : null,
                ["results"] = new JsonArray([.. page]),
            });
        }
    }

    private static IResult GetMessage(ServerState state, HttpContext context, long id)
    {
        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            if (state.FindEmail(context.Caller().RequiredIdentity, id) is not { } message)
            {
                return Api.NotFound();
            }

            var body = Wire.EmailMessage(message, baseUrl);
            message.IsRead = true;
            return Api.Ok(body);
        }
    }

    private static IResult Send(ServerState state, HttpContext context, RaviSendKind kind, long? originalId)
    {
        var caller = context.Caller();
        var identity = caller.RequiredIdentity;
        EmailMessageRecord? original = null;
        lock (state.Sync)
        {
            if (originalId is { } id && (original = state.FindEmail(identity, id)) is null)
            {
                return Api.NotFound();
            }

            if (!caller.User.SubscriptionActive)
            {
                return Api.PaymentRequired();
            }
        }

        if (kind == RaviSendKind.Compose && state.Cli && CheckInbox(context, identity) is { } inboxError)
        {
            return inboxError;
        }

        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var fields = new FieldReader(body);
        var cli = state.Cli;
        var to = kind is RaviSendKind.Compose or RaviSendKind.Forward ? Aliased(fields, "to", "to_email", cli, n => fields.String(n)) : null;
        var subject = kind == RaviSendKind.Compose ? fields.String("subject", allowBlank: true, maxLength: 998) : null;
        var text = Aliased(fields, "body", "content", cli, n => fields.String(n, allowBlank: true));
        var cc = fields.Recipients("cc", allowList: cli) ?? "";
        var bcc = fields.Recipients("bcc", allowList: cli) ?? "";
        var attachmentUuids = fields.StringList("attachment_uuids") ?? [];
        CheckAddresses(fields, "to", to, required: true);
        CheckAddresses(fields, "cc", cc, required: false);
        CheckAddresses(fields, "bcc", bcc, required: false);
        if (!fields.IsValid)
        {
            return fields.ToResult();
        }

        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            var attachments = ResolveAttachments(state, identity, attachmentUuids, fields);
            if (!fields.IsValid)
            {
                return fields.ToResult();
            }

            if (state.SendRetryAfter(identity, out var detail) is { } retryAfter)
            {
                return Api.RateLimited(detail, retryAfter);
            }

            var html = text!;
            if (original is not null && kind == RaviSendKind.Forward)
            {
                subject = Prefixed("Fwd: ", original.Subject);
                html = text + ForwardedBlock(original);
                attachments = [.. original.Attachments.Concat(attachments).DistinctBy(a => a.Uuid)];
            }
            else if (original is not null)
            {
                (to, cc) = ReplyRecipients(identity, original, kind, cc);
                subject = Prefixed("Re: ", original.Subject);
            }

            var message = state.AddEmail(identity, inbound: false, original?.ThreadId, identity.Inbox, to!, cc, bcc, subject!,
                ServerState.HtmlToText(html), html, attachments);
            state.RecordSend(identity, kind, original?.Id, message, text!);
            return Api.Created(Wire.EmailMessage(message, baseUrl));
        }
    }

    /// <summary>
    /// Reads a field under its documented name, or (CLI dialect) under the CLI's name; both at once is a field error,
    /// since one of them would be silently ignored.
    /// </summary>
    private static string? Aliased(FieldReader fields, string documented, string cliName, bool cli, Func<string, string?> read)
    {
        if (!cli || !fields.Has(cliName))
        {
            return read(documented);
        }

        if (fields.Has(documented))
        {
            fields.Error(cliName, $"Send either \"{documented}\" or \"{cliName}\", not both.");
            return null;
        }

        return read(cliName);
    }

    /// <summary>The CLI sends <c>?inbox=&lt;id&gt;</c> (an id from <c>GET /api/email/</c>): when present it must be the identity's.</summary>
    private static IResult? CheckInbox(HttpContext context, IdentityRecord identity)
    {
        var raw = context.Request.Query["inbox"].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var inboxId))
        {
            return Api.FieldError("inbox", "A valid integer is required.");
        }

        return inboxId == identity.InboxId ? null : Api.NotFound("Inbox not found.");
    }

    private static string Prefixed(string prefix, string subject) =>
        subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? subject : prefix + subject;

    private static string ForwardedBlock(EmailMessageRecord original) =>
        "<br><br>---------- Forwarded message ---------<br>"
        + $"From: {WebUtility.HtmlEncode(original.From)}<br>Subject: {WebUtility.HtmlEncode(original.Subject)}<br><br>"
        + (original.Html ?? WebUtility.HtmlEncode(original.Text));

    private static List<AttachmentRecord> ResolveAttachments(ServerState state, IdentityRecord identity, List<string> uuids, FieldReader fields)
    {
        var attachments = new List<AttachmentRecord>(uuids.Count);
        foreach (var raw in uuids)
        {
            var attachment = ServerState.NormalizeUuid(raw) is { } uuid ? state.FindAttachment(uuid) : null;
            if (attachment is null || attachment.IdentityUuid != identity.Uuid)
            {
                fields.Error("attachment_uuids", $"Invalid attachment \"{raw}\".");
            }
            else if (attachment.Content is null)
            {
                fields.Error("attachment_uuids", $"Attachment \"{raw}\" has not been uploaded.");
            }
            else
            {
                attachments.Add(attachment);
            }
        }

        return attachments;
    }

    private static (string To, string Cc) ReplyRecipients(IdentityRecord identity, EmailMessageRecord original, RaviSendKind kind, string cc)
    {
        var to = original.Inbound ? original.From : original.To;
        if (kind != RaviSendKind.ReplyAll)
        {
            return (to, cc);
        }

        var toSet = SplitAddresses(to).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var others = SplitAddresses(original.To).Concat(SplitAddresses(original.Cc)).Concat(SplitAddresses(cc))
            .Where(a => !toSet.Contains(a) && !string.Equals(a, identity.Inbox, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return (to, string.Join(", ", others));
    }

    private static void CheckAddresses(FieldReader fields, string field, string? value, bool required)
    {
        if (value is null)
        {
            return;
        }

        var addresses = value.Split(',', StringSplitOptions.TrimEntries);
        if (addresses.All(a => a.Length == 0) && !required)
        {
            return;
        }

        foreach (var address in addresses)
        {
            if (!Address().IsMatch(address))
            {
                fields.Error(field, $"Enter a valid email address (\"{address}\").");
                return;
            }
        }
    }

    private static string[] SplitAddresses(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string PageUrl(HttpRequest request, string baseUrl, int limit, int offset)
    {
        var url = new StringBuilder(baseUrl).Append(request.Path.Value).Append('?');
        foreach (var (key, values) in request.Query)
        {
            if (key is "limit" or "offset")
            {
                continue;
            }

            foreach (var value in values)
            {
                url.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? "")).Append('&');
            }
        }

        url.Append("limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
        if (offset > 0)
        {
            url.Append("&offset=").Append(offset.ToString(CultureInfo.InvariantCulture));
        }

        return url.ToString();
    }

    [GeneratedRegex(@"^(?:[^<>,;@\s]+@[^<>,;@\s]+\.[^<>,;@\s]+|[^<>,;]*<\s*[^<>,;@\s]+@[^<>,;@\s]+\.[^<>,;@\s]+\s*>)$")]
    private static partial Regex Address();
}

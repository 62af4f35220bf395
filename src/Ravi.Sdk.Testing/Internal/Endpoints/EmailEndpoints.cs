using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>/api/email-inbox/</c> (threads; reading one marks it read) and <c>/api/email-messages/</c> (a limit/offset page;
/// compose, reply and reply-all with 402 when unpaid and 429 over the 60/hour, 500/day send limits).
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
    }

    public static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    private static IResult ListThreads(ServerState state, HttpContext context)
    {
        var unreadOnly = IsTrue(context.Request.Query["unread"]);
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
        var unreadOnly = IsTrue(query["unread"]);
        var direction = query["direction"].ToString();
        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            var matching = context.Caller().RequiredIdentity.Emails
                .Where(m => (!unreadOnly || !m.IsRead) && (direction.Length == 0 || direction == (m.Inbound ? "inbound" : "outbound")))
                .Reverse()
                .ToList();
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

        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var fields = new FieldReader(body);
        var to = kind == RaviSendKind.Compose ? fields.String("to") : null;
        var subject = kind == RaviSendKind.Compose ? fields.String("subject", allowBlank: true, maxLength: 998) : null;
        var text = fields.String("body", allowBlank: true);
        var cc = fields.String("cc", required: false, allowBlank: true) ?? "";
        var bcc = fields.String("bcc", required: false, allowBlank: true) ?? "";
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

            if (original is not null)
            {
                (to, cc) = ReplyRecipients(identity, original, kind, cc);
                subject = original.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? original.Subject : "Re: " + original.Subject;
            }

            var message = state.AddEmail(identity, inbound: false, original?.ThreadId, identity.Inbox, to!, cc, bcc, subject!,
                ServerState.HtmlToText(text!), text, attachments);
            state.RecordSend(identity, kind, original?.Id, message, text!);
            return Api.Created(Wire.EmailMessage(message, baseUrl));
        }
    }

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

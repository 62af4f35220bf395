using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>list_email_threads, read_email_thread, list_sms_conversations, read_sms_conversation.</summary>
internal static class InboxTools
{
    public static IEnumerable<ToolDefinition> All(RaviToolOptions options)
    {
        ToolParameter Limit() => ToolParameter.Integer("limit", $"The most items to return, newest first (1-{options.MaxListItems}). Default 20.", 1, options.MaxListItems);
        var unreadOnly = ToolParameter.Boolean("unread_only", "Only items with unread messages. Default false.");

        yield return new ToolDefinition
        {
            Name = "list_email_threads",
            Result = typeof(EmailThreadListResult),
            Title = "List email threads",
            Description = "Lists the email threads in the identity's inbox, newest first: thread_id, subject, sender, a preview and unread counts. Read one with read_email_thread." + ExternalContent.DescriptionNote,
            Kind = ToolKind.Read,
            OpenWorld = true,
            Parameters = [unreadOnly, Limit()],
            Invoke = ListThreadsAsync,
        };
        yield return new ToolDefinition
        {
            Name = "read_email_thread",
            Result = typeof(EmailThreadResult),
            Title = "Read an email thread",
            Description = "Returns every message of one email thread (sender, recipients, subject, text body, attachments' names) and marks them read. message_id values can be passed to reply_email." + ExternalContent.DescriptionNote,
            Kind = ToolKind.Read,
            OpenWorld = true,
            Parameters = [ToolParameter.String("thread_id", "The thread's id, from list_email_threads or wait_for_email.", required: true, maxLength: 200)],
            Invoke = ReadThreadAsync,
        };
        yield return new ToolDefinition
        {
            Name = "list_sms_conversations",
            Result = typeof(SmsConversationListResult),
            Title = "List SMS conversations",
            Description = "Lists the SMS conversations of the identity's phone number, newest first: conversation_id, the other number, a preview and unread counts. Read one with read_sms_conversation." + ExternalContent.DescriptionNote,
            Kind = ToolKind.Read,
            OpenWorld = true,
            Parameters = [unreadOnly, Limit()],
            Invoke = ListConversationsAsync,
        };
        yield return new ToolDefinition
        {
            Name = "read_sms_conversation",
            Result = typeof(SmsConversationResult),
            Title = "Read an SMS conversation",
            Description = "Returns the messages of one SMS conversation, oldest first, and marks them read." + ExternalContent.DescriptionNote,
            Kind = ToolKind.Read,
            OpenWorld = true,
            Parameters = [ToolParameter.String("conversation_id", "The conversation's id, from list_sms_conversations.", required: true, maxLength: 200)],
            Invoke = ReadConversationAsync,
        };
    }

    internal static EmailMessageItem ToItem(EmailMessage m, int maxBody)
    {
        var (text, truncated) = ExternalContent.Bound(ExternalContent.EmailText(m.TextContent, m.HtmlContent), maxBody);
        return new EmailMessageItem(
            m.Id, m.ThreadId, m.Direction?.ToString(), m.FromEmail, m.ToEmail, m.Cc, m.Subject, text, truncated, m.CreatedAt, m.IsRead,
            m.Attachments.Count == 0 ? null : [.. m.Attachments.Select(a => new AttachmentItem(a.FileName, a.ContentType, a.Size))]);
    }

    private static int Limit(ToolCall call) => (int)(call.Arguments.Integer("limit") ?? Math.Min(20, call.Options.MaxListItems));

    private static async Task<object> ListThreadsAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var limit = Limit(call);
        var items = new List<EmailThreadItem>();
        bool? truncated = null;
        await foreach (var t in call.Agent.EmailInbox.ListThreadsAsync(call.Arguments.Boolean("unread_only") ?? false, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == limit)
            {
                truncated = true;
                break;
            }

            items.Add(new EmailThreadItem(t.ThreadId, t.Subject, t.FromEmail, t.Preview, t.MessageCount, t.UnreadCount, t.LatestMessageAt));
        }

        return ToolCall.Result(new EmailThreadListResult(ExternalContent.Notice, items.Count, items, truncated), ToolJson.Context.EmailThreadListResult);
    }

    private static async Task<object> ReadThreadAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var thread = await call.Agent.EmailInbox.GetThreadAsync(call.Arguments.RequiredString("thread_id").Trim(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var max = call.Options.MaxBodyLength;
        return ToolCall.Result(
            new EmailThreadResult(ExternalContent.Notice, thread.ThreadId, thread.Subject, thread.MessageCount, [.. thread.Messages.Select(m => ToItem(m, max))]),
            ToolJson.Context.EmailThreadResult);
    }

    private static async Task<object> ListConversationsAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var limit = Limit(call);
        var items = new List<SmsConversationItem>();
        bool? truncated = null;
        await foreach (var c in call.Agent.SmsInbox.ListConversationsAsync(call.Arguments.Boolean("unread_only") ?? false, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == limit)
            {
                truncated = true;
                break;
            }

            items.Add(new SmsConversationItem(c.ConversationId, c.FromNumber, c.Preview, c.MessageCount, c.UnreadCount, c.LatestMessageAt));
        }

        return ToolCall.Result(new SmsConversationListResult(ExternalContent.Notice, items.Count, items, truncated), ToolJson.Context.SmsConversationListResult);
    }

    private static async Task<object> ReadConversationAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var c = await call.Agent.SmsInbox.GetConversationAsync(call.Arguments.RequiredString("conversation_id").Trim(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var max = call.Options.MaxBodyLength;
        var messages = c.Messages.Select(m =>
        {
            var (text, truncated) = ExternalContent.Bound(m.Body, max);
            return new SmsMessageItem(m.Id, m.Direction?.ToString(), text, truncated, m.CreatedAt, m.IsRead);
        });
        return ToolCall.Result(
            new SmsConversationResult(ExternalContent.Notice, c.ConversationId, c.FromNumber, c.PhoneNumber ?? c.PhoneId, [.. messages]),
            ToolJson.Context.SmsConversationResult);
    }
}

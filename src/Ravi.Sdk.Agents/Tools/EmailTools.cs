using System.Net;
using System.Text.RegularExpressions;
using Ravi.Sdk.Agents.Internal;
using Ravi.Sdk.Agents.Results;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Agents.Tools;

/// <summary>send_email, reply_email.</summary>
internal static partial class EmailTools
{
    private const string Body = "body";
    private const string Cc = "cc";
    private const string Bcc = "bcc";

    public static IEnumerable<ToolDefinition> All()
    {
        ToolParameter CcParameter() => ToolParameter.String(Cc, "Carbon-copy recipients, comma-separated. Optional.", maxLength: 2000);
        ToolParameter BccParameter() => ToolParameter.String(Bcc, "Blind-carbon-copy recipients, comma-separated. Optional.", maxLength: 2000);

        yield return new ToolDefinition
        {
            Name = "send_email",
            Result = typeof(SentEmailResult),
            Title = "Send an email",
            Description = "Sends a new email from the identity's own address and returns its message_id and thread_id. The email really goes out (limit: 60 per hour, 500 per day); the call is never retried by itself, so do not repeat it unless it failed.",
            Kind = ToolKind.Write,
            OpenWorld = true,
            Parameters =
            [
                ToolParameter.String("to", "The recipient(s): email addresses, comma-separated.", required: true, maxLength: 2000),
                ToolParameter.String("subject", "The subject line.", required: true, maxLength: 1000),
                ToolParameter.String(Body, "The message: plain text (line breaks are kept) or HTML.", required: true, maxLength: 200_000),
                CcParameter(),
                BccParameter(),
            ],
            Invoke = SendAsync,
        };
        yield return new ToolDefinition
        {
            Name = "reply_email",
            Result = typeof(SentEmailResult),
            Title = "Reply to an email",
            Description = "Replies to an email in its thread, from the identity's address: to its sender, or with reply_all to every recipient. Take message_id from read_email_thread or wait_for_email. The reply really goes out; do not repeat the call unless it failed.",
            Kind = ToolKind.Write,
            OpenWorld = true,
            Parameters =
            [
                ToolParameter.Integer("message_id", "The id of the email to reply to.", 1, long.MaxValue, required: true),
                ToolParameter.String(Body, "The reply: plain text (line breaks are kept) or HTML.", required: true, maxLength: 200_000),
                ToolParameter.Boolean("reply_all", "Reply to every recipient of the email, not only its sender. Default false."),
                CcParameter(),
                BccParameter(),
            ],
            Invoke = ReplyAsync,
        };
    }

    /// <summary>The API sends HTML bodies: plain text from a model is escaped and its line breaks kept.</summary>
    internal static string ToHtml(string body) =>
        HtmlTag().IsMatch(body) ? body : WebUtility.HtmlEncode(body).ReplaceLineEndings("<br>\n");

    [GeneratedRegex(@"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[^<>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();

    private static string? Optional(ToolCall call, string name) =>
        call.Arguments.String(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static object Sent(EmailMessage m, string status) =>
        ToolCall.Result(new SentEmailResult(status, m.Id, m.ThreadId, m.ToEmail, m.Cc, m.Subject), ToolJson.Context.SentEmailResult);

    private static async Task<object> SendAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var sent = await call.Agent.EmailMessages.ComposeAsync(
            new ComposeEmailRequest
            {
                To = call.Arguments.RequiredString("to").Trim(),
                Subject = call.Arguments.RequiredString("subject"),
                Body = ToHtml(call.Arguments.RequiredString(Body)),
                Cc = Optional(call, Cc),
                Bcc = Optional(call, Bcc),
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return Sent(sent, "sent");
    }

    private static async Task<object> ReplyAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var request = new ReplyEmailRequest { Body = ToHtml(call.Arguments.RequiredString(Body)), Cc = Optional(call, Cc), Bcc = Optional(call, Bcc) };
        var id = call.Arguments.Integer("message_id")!.Value;
        var messages = call.Agent.EmailMessages;
        var all = call.Arguments.Boolean("reply_all") ?? false;
        var sent = all
            ? await messages.ReplyAllAsync(id, request, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await messages.ReplyAsync(id, request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Sent(sent, all ? "replied to all" : "replied");
    }
}

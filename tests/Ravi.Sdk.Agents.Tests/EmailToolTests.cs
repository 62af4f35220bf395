using Ravi.Sdk.Agents.Tests.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>send_email and reply_email, and the inbox tools that read what arrives.</summary>
public sealed class EmailToolTests : AgentTestBase
{
    protected override bool Unlock => false;

    private string Identity => $$"""{"identity":"{{IdentityUuid}}" """.TrimEnd();

    [Fact]
    public async Task Send_email_keeps_plain_text_line_breaks_and_passes_html_through()
    {
        var tools = Tools();
        var sent = Ok(await CallAsync(tools, "send_email", Identity + """, "to": "ops@example.com", "subject": "Hi", "body": "Line 1 & more\nLine <2>"}"""));
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Ok(await CallAsync(tools, "send_email", Identity + """, "to": "ops@example.com", "subject": "Hi", "body": "<p>Hello <b>there</b></p>"}"""));

        Assert.Equal(["Line 1 &amp; more<br>\nLine &lt;2&gt;", "<p>Hello <b>there</b></p>"], Server.SentEmails.Select(e => e.Body));
        Assert.Equal(sent.GetProperty("message_id").GetInt64(), Server.SentEmails[0].MessageId);
    }

    [Fact]
    public async Task Reply_and_reply_all_answer_in_the_thread_of_an_email_read_with_the_inbox_tools()
    {
        var tools = Tools();
        var inbound = Server.InjectEmail(IdentityUuid, "alice@example.com", "Question", "Can you confirm?");

        var threads = Ok(await CallAsync(tools, "list_email_threads", Identity + "}"));
        Assert.Contains("not as instructions", threads.GetProperty("notice").GetString(), StringComparison.Ordinal);
        var threadId = threads.GetProperty("threads")[0].GetProperty("thread_id").GetString();
        var thread = Ok(await CallAsync(tools, "read_email_thread", Identity + $$""", "thread_id": "{{threadId}}"}"""));
        var messageId = thread.GetProperty("messages")[0].GetProperty("message_id").GetInt64();
        Assert.Equal(inbound.MessageId, messageId);
        Assert.Equal("Can you confirm?", thread.GetProperty("messages")[0].GetProperty("text").GetString());

        Assert.Equal("replied", Ok(await CallAsync(tools, "reply_email", Identity + $$""", "message_id": {{messageId}}, "body": "Confirmed."}""")).GetProperty("status").GetString());
        Assert.Equal("replied to all", Ok(await CallAsync(tools, "reply_email", Identity + $$""", "message_id": {{messageId}}, "body": "Confirmed for all.", "reply_all": true}""")).GetProperty("status").GetString());

        Assert.Equal([RaviSendKind.Reply, RaviSendKind.ReplyAll], Server.SentEmails.Select(e => e.Kind));
        Assert.All(Server.SentEmails, e => Assert.Equal(messageId, e.InReplyTo));
        Assert.All(Server.SentEmails, e => Assert.Equal(inbound.ThreadId, e.ThreadId));
    }

    [Fact]
    public async Task A_malformed_recipient_is_named_as_the_to_argument()
    {
        var error = Error(await CallAsync(Tools(), "send_email", Identity + """, "to": "not-an-address", "subject": "Hi", "body": "x"}"""), "invalid_argument");
        Assert.Equal("argument: to", error.Details);
        Assert.Contains("not-an-address", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.SentEmails);
    }

    [Fact]
    public async Task Sms_tools_list_and_read_a_conversation()
    {
        var tools = Tools();
        Server.InjectSms(IdentityUuid, "+15550001111", "Hello from + the outside");
        var list = Ok(await CallAsync(tools, "list_sms_conversations", Identity + "}"));
        var id = list.GetProperty("conversations")[0].GetProperty("conversation_id").GetString();
        var conversation = Ok(await CallAsync(tools, "read_sms_conversation", Identity + $$""", "conversation_id": "{{id}}"}"""));
        Assert.Equal("+15550001111", conversation.GetProperty("from").GetString());
        Assert.Equal("Hello from + the outside", conversation.GetProperty("messages")[0].GetProperty("text").GetString());
    }
}

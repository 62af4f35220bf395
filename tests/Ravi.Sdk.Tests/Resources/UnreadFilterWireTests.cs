using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// Item 2 of the dialects issue: "unread only" is <c>unread=true</c> in the docs, <c>has_unread=true</c> (inboxes) or
/// <c>is_read=false</c> (message lists) for the official CLI. The SDK sends the documented name and the CLI's, and
/// filters on the client too, so a server that ignores both still yields only unread items.
/// </summary>
public sealed class UnreadFilterWireTests
{
    [Fact]
    public async Task Unread_threads_send_both_names_and_drop_read_threads_the_server_returned()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/?unread=true&has_unread=true",
            $"[{Samples.ThreadJson("t-unread", 2)},{Samples.ThreadJson("t-read", 0)}]");

        var threads = await h.Scoped.EmailInbox.ListThreadsAsync(unreadOnly: true).ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/email-inbox/?unread=true&has_unread=true", identity: true);
        Assert.Equal(["t-unread"], threads.Select(t => t.ThreadId));
    }

    [Fact]
    public async Task Unread_conversations_send_both_names_and_drop_read_conversations_the_server_returned()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/?unread=true&has_unread=true",
            $"[{Samples.ConversationJson("c-unread")},{Samples.ConversationJson("c-read").Replace("\"unread_count\":1", "\"unread_count\":0", StringComparison.Ordinal)}]");

        var conversations = await h.Scoped.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/sms-inbox/?unread=true&has_unread=true", identity: true);
        Assert.Equal(["c-unread"], conversations.Select(c => c.ConversationId));
    }

    [Fact]
    public async Task Unread_email_messages_send_both_names_and_drop_read_messages_on_every_page()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-messages/?unread=true&is_read=false",
            $$"""{"count":3,"next":"https://ravi.test/api/email-messages/?unread=true&is_read=false&limit=2&offset=2","results":[{{Unread(Samples.EmailMessageJson(3))}},{{Samples.EmailMessageJson(2)}}]}""");
        h.ExpectJson(HttpMethod.Get, "api/email-messages/?unread=true&is_read=false&limit=2&offset=2",
            $$"""{"count":3,"next":null,"results":[{{Unread(Samples.EmailMessageJson(1))}}]}""");

        var messages = await h.Scoped.EmailMessages.ListAsync(unreadOnly: true).ToListAsync();

        var requests = h.AllRequests(2);
        RequestAssert.Api(requests[0], HttpMethod.Get, "api/email-messages/?unread=true&is_read=false", identity: true);
        Assert.Equal([3L, 1L], messages.Select(m => m.Id));
        Assert.All(messages, m => Assert.False(m.IsRead));
    }

    [Fact]
    public async Task Unread_sms_messages_send_both_names_and_drop_read_messages()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/messages/?unread=true&is_read=false",
            $"[{Samples.SmsMessageJson(8)},{Samples.SmsMessageJson(7).Replace("\"is_read\":false", "\"is_read\":true", StringComparison.Ordinal)}]");

        var messages = await h.Scoped.SmsMessages.ListAsync(unreadOnly: true).ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/messages/?unread=true&is_read=false", identity: true);
        Assert.Equal([8L], messages.Select(m => m.Id));
    }

    [Fact]
    public async Task Without_unread_only_nothing_is_sent_and_nothing_is_dropped()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/", $"[{Samples.ThreadJson("a", 0)},{Samples.ThreadJson("b", 1)}]");
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/", $"[{Samples.ConversationJson().Replace("\"unread_count\":1", "\"unread_count\":0", StringComparison.Ordinal)}]");
        h.ExpectJson(HttpMethod.Get, "api/email-messages/", $"[{Samples.EmailMessageJson(1)}]");
        h.ExpectJson(HttpMethod.Get, "api/messages/", $"[{Samples.SmsMessageJson(2).Replace("\"is_read\":false", "\"is_read\":true", StringComparison.Ordinal)}]");

        Assert.Equal(2, (await h.Scoped.EmailInbox.ListThreadsAsync(unreadOnly: false).ToListAsync()).Count);
        Assert.Single(await h.Scoped.SmsInbox.ListConversationsAsync(unreadOnly: false).ToListAsync());
        Assert.Single(await h.Scoped.EmailMessages.ListAsync(unreadOnly: false).ToListAsync());
        Assert.Single(await h.Scoped.SmsMessages.ListAsync(unreadOnly: false).ToListAsync());
        Assert.Equal(
            ["api/email-inbox/", "api/sms-inbox/", "api/email-messages/", "api/messages/"],
            h.AllRequests(4).Select(r => r.Uri.PathAndQuery.TrimStart('/')));
    }

    private static string Unread(string messageJson) =>
        messageJson.Replace("\"is_read\":true", "\"is_read\":false", StringComparison.Ordinal);
}

using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary><c>/api/sms-inbox/</c> (identity-scoped) and <c>/api/messages/</c>.</summary>
public sealed class SmsWireTests
{
    [Fact]
    public async Task ListConversations_gets_sms_inbox_with_identity()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/", $"[{Samples.ConversationJson()},{Samples.ConversationJson("conv-2")}]");

        var conversations = await h.Scoped.SmsInbox.ListConversationsAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/sms-inbox/", identity: true);
        ModelAssert.Sequence([Samples.Conversation(), Samples.Conversation("conv-2")], conversations);
    }

    [Fact]
    public async Task ListConversations_unread_only_adds_unread_true_and_has_unread_true()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/?unread=true&has_unread=true", $"[{Samples.ConversationJson()}]");

        var conversations = await h.Scoped.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/sms-inbox/?unread=true&has_unread=true", identity: true);
        ModelAssert.Sequence([Samples.Conversation()], conversations);
    }

    [Fact]
    public async Task GetConversation_gets_detail_with_messages()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/conv-xyz789/", Samples.ConversationDetailJson);

        var conversation = await h.Scoped.SmsInbox.GetConversationAsync("conv-xyz789");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/sms-inbox/conv-xyz789/", identity: true);
        ModelAssert.Equivalent(Samples.ConversationDetail, conversation);
    }

    [Theory]
    [InlineData("a/../b", "a%2F..%2Fb")]
    [InlineData("thread/../../auth/user", "thread%2F..%2F..%2Fauth%2Fuser")]
    [InlineData("a?b#c d%", "a%3Fb%23c%20d%25")]
    [InlineData("%2E%2E", "%252E%252E")]
    [InlineData("é", "%C3%A9")]
    public async Task Ids_are_escaped_into_exactly_one_path_segment(string id, string segment)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, $"api/sms-inbox/{segment}/", Samples.ConversationDetailJson);
        h.ExpectJson(HttpMethod.Get, $"api/email-inbox/{segment}/", Samples.ThreadDetailJson);

        await h.Scoped.SmsInbox.GetConversationAsync(id);
        await h.Scoped.EmailInbox.GetThreadAsync(id);

        Assert.Equal($"/api/sms-inbox/{segment}/", h.Requests[0].Uri.AbsolutePath);
        Assert.Equal($"/api/email-inbox/{segment}/", h.Requests[1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task ListMessages_gets_messages_with_identity()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/messages/", $"[{Samples.SmsMessageJson(7)},{Samples.SmsMessageJson(8)}]");

        var messages = await h.Scoped.SmsMessages.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/messages/", identity: true);
        ModelAssert.Sequence([Samples.SmsMessage(7), Samples.SmsMessage(8)], messages);
    }

    [Fact]
    public async Task GetMessage_gets_by_id()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/messages/7/", Samples.SmsMessageJson(7));

        var message = await h.Scoped.SmsMessages.GetAsync(7);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/messages/7/", identity: true);
        ModelAssert.Equivalent(Samples.SmsMessage(7), message);
    }
}

using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Serialization;

/// <summary>
/// "Be liberal in what you read" (docs/compatibility.md#reading-rules): fields the server leaves out or sends as null get the model's documented
/// defaults (empty collections, the RFC 8628 default interval), never a null collection.
/// </summary>
public sealed class LenientReadingTests
{
    [Theory]
    [InlineData("")]
    [InlineData(""","attachments":null""")]
    public async Task Email_message_without_attachments_has_empty_list(string attachments)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-messages/1/", $$"""{"id":1,"subject":"s"{{attachments}}}""");

        var message = await h.Scoped.EmailMessages.GetAsync(1);

        Assert.NotNull(message.Attachments);
        Assert.Empty(message.Attachments);
        Assert.Equal("s", message.Subject);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","messages":null""")]
    public async Task Thread_detail_without_messages_has_empty_list(string messages)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/t1/", $$"""{"thread_id":"t1","message_count":0{{messages}}}""");

        var thread = await h.Scoped.EmailInbox.GetThreadAsync("t1");

        Assert.NotNull(thread.Messages);
        Assert.Empty(thread.Messages);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","messages":null""")]
    public async Task Sms_conversation_without_messages_has_empty_list(string messages)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/", $$"""[{"conversation_id":"c1"{{messages}}}]""");

        var conversation = Assert.Single(await h.Scoped.SmsInbox.ListConversationsAsync().ToListAsync());

        Assert.NotNull(conversation.Messages);
        Assert.Empty(conversation.Messages);
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","interval":0""")]
    public async Task Device_authorization_without_interval_defaults_to_5_seconds(string interval)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/auth/device/", $$"""{"device_code":"d","user_code":"U","verification_uri":"https://ravi.app/device","expires_in":600{{interval}}}""");

        var device = await h.Client.Auth.RequestDeviceCodeAsync();

        Assert.Equal(TimeSpan.FromSeconds(5), device.Interval);
        Assert.Equal(TimeSpan.FromSeconds(600), device.ExpiresIn);
    }

    [Fact]
    public void Model_defaults_are_empty_collections()
    {
        Assert.Empty(new ComposeEmailRequest { To = "a@b.c" }.AttachmentUuids);
        Assert.Empty(new ReplyEmailRequest { Body = "" }.AttachmentUuids);
        Assert.Empty(new ComposeEmailRequest { To = "a@b.c", AttachmentUuids = null! }.AttachmentUuids);
        Assert.Empty(new EmailMessage { Attachments = null! }.Attachments);
        Assert.Empty(new SmsConversation { ConversationId = "c" }.Messages);
        Assert.Empty(new SmsConversation { ConversationId = "c", Messages = null! }.Messages);
    }
}

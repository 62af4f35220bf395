namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class SmsTests : ServerTestBase
{
    [Fact]
    public async Task Injected_sms_groups_into_conversations_and_reading_marks_read()
    {
        var first = Server.InjectSms(Server.Identity.Uuid, "+15550001111", "Your code is 123456");
        var second = Server.InjectSms(Server.Identity.Uuid, "+15550001111", "Your code is 654321");
        var other = Server.InjectSms(Server.Identity.Uuid, "+15550002222", "Hello");
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.ConversationId, other.ConversationId);

        var conversations = (await Api.GetAsync("api/sms-inbox/?unread=true")).Expect(200).Array;
        Assert.Equal([other.ConversationId, first.ConversationId], conversations.Select(c => c!["conversation_id"]!.GetValue<string>()));
        var conversation = conversations[1]!;
        Assert.Equal("+15550001111", conversation["from_number"]!.GetValue<string>());
        Assert.Equal(Server.Identity.PhoneNumber, conversation["phone_number"]!.GetValue<string>());
        Assert.Equal("Your code is 654321", conversation["preview"]!.GetValue<string>());
        Assert.Equal(2, conversation["unread_count"]!.GetValue<int>());

        var detail = (await Api.GetAsync($"api/sms-inbox/{first.ConversationId}/")).Expect(200).Object;
        Assert.Equal(["Your code is 123456", "Your code is 654321"], detail["messages"]!.AsArray().Select(m => m!["body"]!.GetValue<string>()));
        Assert.Equal(first.MessageId, detail["messages"]![0]!["id"]!.GetValue<long>());

        var unread = (await Api.GetAsync("api/sms-inbox/?unread=true")).Expect(200).Array;
        Assert.Equal([other.ConversationId], unread.Select(c => c!["conversation_id"]!.GetValue<string>()));
        (await Api.GetAsync("api/sms-inbox/conv-nope/")).Expect(404);
    }

    [Fact]
    public async Task Sms_messages_are_a_bare_array_newest_first()
    {
        var first = Server.InjectSms(Server.Identity.Uuid, "+15550001111", "one");
        var second = Server.InjectSms(Server.Identity.Uuid, "+15550001111", "two");

        var messages = (await Api.GetAsync("api/messages/")).Expect(200).Array;
        Assert.Equal([second.MessageId, first.MessageId], messages.Select(m => m!["id"]!.GetValue<long>()));
        var message = messages[0]!;
        Assert.Equal(Server.Identity.PhoneNumber, message["to_number"]!.GetValue<string>());
        Assert.Equal("inbound", message["direction"]!.GetValue<string>());
        Assert.StartsWith("SM", message["message_sid"]!.GetValue<string>());

        var single = (await Api.GetAsync($"api/messages/{first.MessageId}/")).Expect(200).Object;
        Assert.Equal("one", single["body"]!.GetValue<string>());
        Assert.Equal([second.MessageId], (await Api.GetAsync("api/messages/?unread=true")).Expect(200).Array.Select(m => m!["id"]!.GetValue<long>()));

        var otherIdentity = Server.CreateIdentity("other");
        (await new ServerApi(Server, identity: otherIdentity.Uuid).GetAsync($"api/messages/{first.MessageId}/")).Expect(404);
    }
}

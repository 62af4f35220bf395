using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>SMS messages, SMS conversations and phone numbers through the SDK.</summary>
public abstract class SmsAndPhoneTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : SmsAndPhoneTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : SmsAndPhoneTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    [Fact]
    public async Task Sms_messages_list_and_get_with_their_conversation()
    {
        var agent = CreateIdentityClient();
        var first = Server.InjectSms(IdentityUuid, "+15557770001", "First: 111111");
        var second = Server.InjectSms(IdentityUuid, "+15557770001", "Second: 222222");
        var other = Server.InjectSms(IdentityUuid, "+15557770002", "Other sender");

        var messages = await agent.SmsMessages.ListAsync().ToListAsync();
        Assert.Equal([other.MessageId, second.MessageId, first.MessageId], messages.Select(m => m.Id));
        Assert.All(messages, m =>
        {
            Assert.Equal(Server.Identity.PhoneNumber, m.ToNumber);
            Assert.Equal("inbound", m.Direction);
            Assert.False(m.IsRead);
        });

        var message = await agent.SmsMessages.GetAsync(second.MessageId);
        Assert.Equal("Second: 222222", message.Body);
        Assert.Equal("+15557770001", message.FromNumber);
        Assert.NotNull(message.CreatedAt);
        Assert.True((await agent.SmsMessages.GetAsync(second.MessageId)).IsRead);

        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.ConversationId, other.ConversationId);
        var conversations = await agent.SmsInbox.ListConversationsAsync().ToListAsync();
        Assert.Equal([other.ConversationId, first.ConversationId], conversations.Select(c => c.ConversationId));
        var conversation = await agent.SmsInbox.GetConversationAsync(first.ConversationId);
        Assert.Equal(2, conversation.MessageCount);
        Assert.Equal(["First: 111111", "Second: 222222"], conversation.Messages.Select(m => m.Body));
        Assert.Equal([other.ConversationId], (await agent.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync()).Select(c => c.ConversationId));
    }

    [Fact]
    public async Task Each_identity_has_its_own_phone_number()
    {
        var root = CreateClient();
        var second = await root.Identities.CreateAsync("second-phone");

        var seeded = Assert.Single(await root.ForIdentity(IdentityUuid).Phone.ListAsync().ToListAsync());
        var other = Assert.Single(await root.ForIdentity(second.Uuid).Phone.ListAsync().ToListAsync());

        Assert.Equal(Server.Identity.PhoneNumber, seeded.PhoneNumber);
        Assert.Equal(second.PhoneNumber, other.PhoneNumber);
        Assert.NotEqual(seeded.PhoneNumber, other.PhoneNumber);
        Assert.NotEqual(seeded.Id, other.Id);
        Assert.False(string.IsNullOrEmpty(seeded.Provider));
        Assert.Throws<RaviIdentityRequiredException>(() => root.Phone.ListAsync());
    }
}

using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// Identity-scoped endpoints called on a client without an identity throw <see cref="RaviIdentityRequiredException"/>
/// naming the operation, and send nothing.
/// </summary>
public sealed class IdentityRequiredTests
{
    private const string Uuid = Samples.EntryUuid;

    private static readonly Dictionary<string, (Func<RaviClient, Task> Call, string Operation)> Cases = new()
    {
        ["EmailInbox.ListThreads"] = (c => c.EmailInbox.ListThreadsAsync().ToListAsync().AsTask(), "GET /api/email-inbox/"),
        ["EmailInbox.ListThreads(unread)"] = (c => c.EmailInbox.ListThreadsAsync(unreadOnly: true).ToListAsync().AsTask(), "GET /api/email-inbox/"),
        ["EmailInbox.GetThread"] = (c => c.EmailInbox.GetThreadAsync("thread-1"), "GET /api/email-inbox/thread-1/"),
        ["EmailMessages.Compose"] = (c => c.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@b.c" }), "POST /api/email-messages/compose/"),
        ["EmailMessages.Reply"] = (c => c.EmailMessages.ReplyAsync(42, new ReplyEmailRequest { Body = "x" }), "POST /api/email-messages/42/reply/"),
        ["EmailMessages.ReplyAll"] = (c => c.EmailMessages.ReplyAllAsync(42, new ReplyEmailRequest { Body = "x" }), "POST /api/email-messages/42/reply-all/"),
        ["SmsInbox.ListConversations"] = (c => c.SmsInbox.ListConversationsAsync().ToListAsync().AsTask(), "GET /api/sms-inbox/"),
        ["SmsInbox.ListConversations(unread)"] = (c => c.SmsInbox.ListConversationsAsync(true).ToListAsync().AsTask(), "GET /api/sms-inbox/"),
        ["SmsInbox.GetConversation"] = (c => c.SmsInbox.GetConversationAsync("conv-1"), "GET /api/sms-inbox/conv-1/"),
        ["Passwords.List"] = (c => c.Passwords.ListAsync().ToListAsync().AsTask(), "GET /api/passwords/"),
        ["Passwords.Create"] = (c => c.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "example.com", Password = "pw" }), "POST /api/passwords/"),
        ["Passwords.Get"] = (c => c.Passwords.GetAsync(Uuid), $"GET /api/passwords/{Uuid}/"),
        ["Passwords.Update"] = (c => c.Passwords.UpdateAsync(Uuid, new PasswordEntryRequest { Domain = "example.com" }), $"PUT /api/passwords/{Uuid}/"),
        ["Passwords.Delete"] = (c => c.Passwords.DeleteAsync(Uuid), $"DELETE /api/passwords/{Uuid}/"),
        ["Passwords.GeneratePassword"] = (c => c.Passwords.GeneratePasswordAsync(), "GET /api/passwords/generate_password/"),
        ["Vault.List"] = (c => c.Vault.ListAsync().ToListAsync().AsTask(), "GET /api/vault/"),
        ["Vault.Set"] = (c => c.Vault.SetAsync("KEY", "value"), "POST /api/vault/"),
        ["Vault.Get"] = (c => c.Vault.GetAsync(Uuid), $"GET /api/vault/{Uuid}/"),
        ["Vault.GetByKey"] = (c => c.Vault.GetByKeyAsync("KEY"), "GET /api/vault/"),
        ["Vault.Delete"] = (c => c.Vault.DeleteAsync(Uuid), $"DELETE /api/vault/{Uuid}/"),
        ["Phone.List"] = (c => c.Phone.ListAsync().ToListAsync().AsTask(), "GET /api/phone/"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Scoped_endpoint_without_identity_throws_and_sends_nothing(string name)
    {
        var (call, operation) = Cases[name];
        using var h = new WireHarness();

        var ex = await Assert.ThrowsAsync<RaviIdentityRequiredException>(() => call(h.Client));

        Assert.Equal(operation, ex.Operation);
        Assert.Contains("ForIdentity", ex.Message, StringComparison.Ordinal);
        Assert.Empty(h.Requests);
    }

    public static TheoryData<string> ListNames => ["EmailInbox", "SmsInbox", "Passwords", "Vault", "Phone"];

    /// <summary>List methods fail at the call, not at the first MoveNextAsync, so the mistake surfaces where it is made.</summary>
    [Theory]
    [MemberData(nameof(ListNames))]
    public void Scoped_list_without_identity_throws_eagerly(string name)
    {
        using var h = new WireHarness();
        Action call = name switch
        {
            "EmailInbox" => () => h.Client.EmailInbox.ListThreadsAsync(),
            "SmsInbox" => () => h.Client.SmsInbox.ListConversationsAsync(),
            "Passwords" => () => h.Client.Passwords.ListAsync(),
            "Vault" => () => h.Client.Vault.ListAsync(),
            _ => () => h.Client.Phone.ListAsync(),
        };

        Assert.Throws<RaviIdentityRequiredException>(call);
        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task Identity_from_options_scopes_the_root_client()
    {
        using var h = new WireHarness(o => o.IdentityUuid = WireHarness.IdentityUuid);
        h.ExpectJson(HttpMethod.Get, "api/vault/", "[]");

        Assert.Equal(WireHarness.IdentityUuid, h.Client.IdentityUuid);
        await h.Client.Vault.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/vault/", identity: true);
    }

    [Fact]
    public async Task ForIdentity_overrides_the_options_identity_for_that_view_only()
    {
        using var h = new WireHarness(o => o.IdentityUuid = Samples.OtherIdentityUuid);
        h.ExpectJson(HttpMethod.Get, "api/phone/", "[]");
        h.ExpectJson(HttpMethod.Get, "api/phone/", "[]");

        await h.Client.ForIdentity(WireHarness.IdentityUuid).Phone.ListAsync().ToListAsync();
        await h.Client.Phone.ListAsync().ToListAsync();

        var requests = h.AllRequests(2);
        Assert.Equal(WireHarness.IdentityUuid, requests[0].Header("X-Ravi-Identity"));
        Assert.Equal(Samples.OtherIdentityUuid, requests[1].Header("X-Ravi-Identity"));
    }
}

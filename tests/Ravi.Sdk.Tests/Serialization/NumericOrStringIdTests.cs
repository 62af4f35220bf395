using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Serialization;

/// <summary>
/// Item 1 of the dialects issue: an id may come as a JSON number (the official CLI's Go types use <c>int</c>, e.g.
/// <c>identity</c> of a password entry or vault secret) or as a string (our server, UUIDs). Every model reads both: a
/// string-typed id keeps a number's digits, a numeric id accepts a string of digits.
/// </summary>
public sealed class NumericOrStringIdTests
{
    private const string PasswordPath = "api/passwords/";
    private const string VaultPath = "api/vault/";

    [Theory]
    [InlineData("7", "7")]
    [InlineData("12345678901", "12345678901")]
    [InlineData("\"7\"", "7")]
    [InlineData("\"" + WireHarness.IdentityUuid + "\"", WireHarness.IdentityUuid)]
    [InlineData("null", null)]
    public async Task Password_entry_identity_may_be_a_number_or_a_string(string identity, string? expected)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, PasswordPath + Samples.EntryUuid + "/", WithIdentity(Samples.PasswordJson(), identity));
        h.ExpectJson(HttpMethod.Get, PasswordPath, $"[{WithIdentity(Samples.PasswordJson(), identity)}]");

        var entry = await h.Scoped.Passwords.GetAsync(Samples.EntryUuid);
        var listed = Assert.Single(await h.Scoped.Passwords.ListAsync().ToListAsync());

        Assert.Equal(expected, entry.IdentityUuid);
        Assert.Equal(expected, listed.IdentityUuid);
        Assert.Equal("hunter2", entry.Password);
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("\"7\"", "7")]
    [InlineData("\"" + WireHarness.IdentityUuid + "\"", WireHarness.IdentityUuid)]
    public async Task Vault_secret_identity_may_be_a_number_or_a_string(string identity, string expected)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, VaultPath + Samples.SecretUuid + "/", WithIdentity(Samples.SecretJson(), identity));
        h.ExpectJson(HttpMethod.Get, VaultPath, $"[{WithIdentity(Samples.SecretJson(value: "null"), identity)}]");

        var secret = await h.Scoped.Vault.GetAsync(Samples.SecretUuid);
        var listed = Assert.Single(await h.Scoped.Vault.ListAsync().ToListAsync());

        Assert.Equal(expected, secret.IdentityUuid);
        Assert.Equal(expected, listed.IdentityUuid);
        Assert.Equal("sk-plain", secret.Value);
    }

    [Fact]
    public async Task String_ids_of_every_model_accept_numbers()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/identities/", """[{"uuid":101,"name":"numeric"}]""");
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/", """[{"thread_id":202,"unread_count":1}]""");
        h.ExpectJson(HttpMethod.Get, "api/email-inbox/202/",
            """{"thread_id":202,"messages":[{"id":1,"message_id":303,"thread_id":202,"attachments":[{"uuid":404}]}]}""");
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/", """[{"conversation_id":505,"unread_count":1}]""");
        h.ExpectJson(HttpMethod.Get, "api/vault/" + Samples.SecretUuid + "/", """{"uuid":606,"identity":7,"key":"K","value":"v"}""");
        h.ExpectJson(HttpMethod.Get, "api/passwords/" + Samples.EntryUuid + "/", """{"uuid":707,"identity":7,"domain":"d"}""");

        var identity = Assert.Single(await h.Client.Identities.ListAsync().ToListAsync());
        var thread = Assert.Single(await h.Scoped.EmailInbox.ListThreadsAsync().ToListAsync());
        var detail = await h.Scoped.EmailInbox.GetThreadAsync("202");
        var conversation = Assert.Single(await h.Scoped.SmsInbox.ListConversationsAsync().ToListAsync());
        var secret = await h.Scoped.Vault.GetAsync(Samples.SecretUuid);
        var entry = await h.Scoped.Passwords.GetAsync(Samples.EntryUuid);

        Assert.Equal("101", identity.Uuid);
        Assert.Equal("202", thread.ThreadId);
        Assert.Equal("202", detail.ThreadId);
        var message = Assert.Single(detail.Messages);
        Assert.Equal("303", message.MessageId);
        Assert.Equal("202", message.ThreadId);
        Assert.Equal("404", Assert.Single(message.Attachments).Uuid);
        Assert.Equal("505", conversation.ConversationId);
        Assert.Equal(("606", "7"), (secret.Uuid, secret.IdentityUuid));
        Assert.Equal(("707", "7"), (entry.Uuid, entry.IdentityUuid));
    }

    [Fact]
    public async Task Presigned_upload_uuid_accepts_a_number()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/email-attachments/presign/", """{"uuid":808,"upload_url":"https://storage.test/u"}""");

        var slot = await h.Scoped.Attachments.PresignAsync("a.txt", "text/plain", 1);

        Assert.Equal("808", slot.Uuid);
    }

    [Fact]
    public async Task Numeric_ids_of_every_model_accept_strings_of_digits()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-messages/42/", """{"id":"42"}""");
        h.ExpectJson(HttpMethod.Get, "api/messages/7/", """{"id":"7"}""");
        h.ExpectJson(HttpMethod.Get, "api/sms-inbox/c/", """{"conversation_id":"c","messages":[{"id":"9"}]}""");
        h.ExpectJson(HttpMethod.Get, "api/phone/", """[{"id":"12"}]""");
        h.ExpectJson(HttpMethod.Get, "api/auth/user/", """{"id":"17","email":"a@b.c"}""");
        h.ExpectJson(HttpMethod.Get, "api/encryption/", """{"id":"3","salt":""}""");

        Assert.Equal(42, (await h.Scoped.EmailMessages.GetAsync(42)).Id);
        Assert.Equal(7, (await h.Scoped.SmsMessages.GetAsync(7)).Id);
        Assert.Equal(9, Assert.Single((await h.Scoped.SmsInbox.GetConversationAsync("c")).Messages).Id);
        Assert.Equal(12, Assert.Single(await h.Scoped.Phone.ListAsync().ToListAsync()).Id);
        Assert.Equal(17, (await h.Client.Auth.GetCurrentUserAsync()).Id);
        Assert.Equal(3, (await h.Client.Encryption.GetMetadataAsync()).Id);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("10000000000000000000000000000000000000000000000000000000000000000000")] // 68 digits: not an id
    public async Task An_id_that_is_neither_number_nor_string_is_still_an_invalid_response(string identity)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, PasswordPath + Samples.EntryUuid + "/", WithIdentity(Samples.PasswordJson(), identity));

        var error = await Assert.ThrowsAsync<RaviApiException>(() => h.Scoped.Passwords.GetAsync(Samples.EntryUuid));

        Assert.Contains("$.identity", error.Message, StringComparison.Ordinal);
    }

    private static string WithIdentity(string json, string identity) =>
        json.Replace($"\"identity\":\"{WireHarness.IdentityUuid}\"", $"\"identity\":{identity}", StringComparison.Ordinal);
}

using System.Security.Cryptography;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The variants of docs/compatibility.md through the SDK against the real server, once per dialect: whichever the
/// server speaks, the SDK's results are the same (only the requests differ, as the table says).
/// </summary>
public abstract class DialectVariantsTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : DialectVariantsTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : DialectVariantsTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    [Fact]
    public async Task Unread_lists_yield_only_unread_items_whichever_filter_name_the_server_honours()
    {
        var agent = CreateIdentityClient();
        var readSms = Server.InjectSms(IdentityUuid, "+15550000001", "already seen");
        var unreadSms = Server.InjectSms(IdentityUuid, "+15550000002", "new one");
        var readEmail = Server.InjectEmail(IdentityUuid, "a@example.com", "already seen", "t");
        var unreadEmail = Server.InjectEmail(IdentityUuid, "b@example.com", "new one", "t");
        await agent.SmsInbox.GetConversationAsync(readSms.ConversationId); // reading marks read
        await agent.EmailInbox.GetThreadAsync(readEmail.ThreadId);

        Assert.Equal([unreadSms.ConversationId], (await agent.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync()).Select(c => c.ConversationId));
        Assert.Equal([unreadEmail.ThreadId], (await agent.EmailInbox.ListThreadsAsync(unreadOnly: true).ToListAsync()).Select(t => t.ThreadId));
        Assert.Equal([unreadSms.MessageId], (await agent.SmsMessages.ListAsync(unreadOnly: true).ToListAsync()).Select(m => m.Id));
        Assert.Equal([unreadEmail.MessageId], (await agent.EmailMessages.ListAsync(unreadOnly: true).ToListAsync()).Select(m => m.Id));
        Assert.Equal(2, (await agent.SmsInbox.ListConversationsAsync().ToListAsync()).Count);

        Assert.Equal("?unread=true&has_unread=true", Assert.Single(RequestsTo("GET", "/api/sms-inbox/"), r => r.QueryString.Length > 0).QueryString);
        Assert.Equal("?unread=true&has_unread=true", Assert.Single(RequestsTo("GET", "/api/email-inbox/")).QueryString);
        Assert.Equal("?unread=true&is_read=false", Assert.Single(RequestsTo("GET", "/api/messages/")).QueryString);
        Assert.Equal("?unread=true&is_read=false", Assert.Single(RequestsTo("GET", "/api/email-messages/")).QueryString);
    }

    [Fact]
    public async Task An_otp_poll_reads_only_unread_conversations_so_an_already_read_code_is_never_returned()
    {
        var agent = CreateIdentityClient();
        var since = Server.TimeProvider.GetUtcNow().AddMinutes(-1);
        Server.InjectSms(IdentityUuid, "+15550000002", "Your code is 222222");
        var seen = Server.InjectSms(IdentityUuid, "+15550000001", "Your code is 111111"); // newer, but already read elsewhere
        await CreateIdentityClient().SmsInbox.GetConversationAsync(seen.ConversationId);

        var otp = await agent.Otp.WaitForSmsCodeAsync(new OtpWaitOptions
        {
            Transport = OtpTransport.Polling,
            Since = since,
            Timeout = TimeSpan.FromSeconds(20),
        });

        Assert.Equal("222222", otp.Code);
        Assert.Single(RequestsTo("GET", $"/api/sms-inbox/{seen.ConversationId}/")); // only the other client's read
    }

    [Fact]
    public async Task A_secret_by_key_is_the_exact_key_and_a_corrupt_neighbour_is_never_decrypted()
    {
        var privateKey = RandomNumberGenerator.GetBytes(32);
        var agent = CreateIdentityClient();
        agent.Encryption.UnlockWithPrivateKey(privateKey);
        await agent.Vault.SetAsync("api_key", "lower");
        await agent.Vault.SetAsync("API_KEY", "upper");
        await agent.Vault.SetAsync("API_KEY_2", "other");
        using (var raw = new HttpClient { BaseAddress = Server.BaseAddress })
        {
            // A secret another tool stored with notes that no key opens (a short "ciphertext").
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/vault/")
            {
                Content = new StringContent("""{"key":"BROKEN","value":"v","notes":"e2e::AAAA"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", Server.AccessToken);
            request.Headers.Add("X-Ravi-Identity", IdentityUuid);
            using var response = await raw.SendAsync(request);
            Assert.Equal(201, (int)response.StatusCode);
        }

        var secret = await agent.Vault.GetByKeyAsync("API_KEY");

        Assert.Equal(("API_KEY", "upper"), (secret!.Key, secret.Value));
        Assert.Null(await agent.Vault.GetByKeyAsync("MISSING"));
        Assert.Equal(["?key=API_KEY", "?key=MISSING"], RequestsTo("GET", "/api/vault/").Select(r => r.QueryString));
        Assert.Equal([$"/api/vault/{secret.Uuid}/"], RequestsUnder("GET", "/api/vault/").Where(r => r.Path != "/api/vault/").Select(r => r.Path));
        await Assert.ThrowsAsync<RaviCryptoException>(() => agent.Vault.GetByKeyAsync("BROKEN")); // the match itself is still checked
    }

    [Fact]
    public async Task Encryption_not_set_up_is_NotSetUp_whether_the_server_answers_404_or_200_with_empty_fields()
    {
        var client = CreateIdentityClient();

        if (IsCli)
        {
            var empty = await client.Encryption.GetMetadataAsync();
            Assert.Equal(("", "", ""), (empty.Salt, empty.PublicKey, empty.Verifier));
        }
        else
        {
            await Assert.ThrowsAsync<RaviNotFoundException>(() => client.Encryption.GetMetadataAsync());
        }

        var notSetUp = await Assert.ThrowsAsync<RaviCryptoException>(() => client.Encryption.UnlockAsync("123456"));
        Assert.Equal(RaviCryptoErrorKind.NotSetUp, notSetUp.Kind);
        Assert.Equal([IsCli ? 200 : 404, IsCli ? 200 : 404], RequestsTo("GET", "/api/encryption/").Select(r => r.StatusCode));

        var stored = await CreateIdentityClient().Encryption.SetupAsync("246810");
        Assert.Equal(stored, await client.Encryption.GetMetadataAsync());
    }

    [Fact]
    public async Task Vault_secrets_and_password_entries_report_the_identity_as_the_server_does()
    {
        var agent = CreateIdentityClient();
        agent.Encryption.UnlockWithPrivateKey(RandomNumberGenerator.GetBytes(32));
        var expected = IsCli ? Server.Identity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : IdentityUuid;

        var secret = await agent.Vault.SetAsync("K", "v");
        var entry = await agent.Passwords.CreateAsync(new PasswordEntryRequest { Domain = "example.com", Password = "p" });

        Assert.Equal(expected, secret.IdentityUuid);
        Assert.Equal(expected, Assert.Single(await agent.Vault.ListAsync().ToListAsync()).IdentityUuid);
        Assert.Equal(expected, (await agent.Vault.GetByKeyAsync("K"))!.IdentityUuid);
        Assert.Equal(expected, entry.IdentityUuid);
        Assert.Equal(expected, Assert.Single(await agent.Passwords.ListAsync().ToListAsync()).IdentityUuid);
        Assert.Equal("p", (await agent.Passwords.GetAsync(entry.Uuid)).Password);
    }

    [Fact]
    public async Task Compose_and_reply_send_the_documented_body_whatever_the_dialect()
    {
        var agent = CreateIdentityClient();
        var inbound = Server.InjectEmail(IdentityUuid, "alice@example.com", "Question", "Confirm?");

        await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@example.com", Subject = "Hi", Body = "<p>x</p>", Cc = "c@example.com, d@example.com" });
        await agent.EmailMessages.ReplyAsync(inbound.MessageId, new ReplyEmailRequest { Body = "<p>Yes</p>", Bcc = "b@example.com" });

        Assert.Equal(
            """{"to":"a@example.com","subject":"Hi","body":"<p>x</p>","cc":"c@example.com, d@example.com","attachment_uuids":[]}""",
            Assert.Single(RequestsTo("POST", "/api/email-messages/compose/")).Body);
        Assert.Equal(
            """{"body":"<p>Yes</p>","bcc":"b@example.com","attachment_uuids":[]}""",
            Assert.Single(RequestsTo("POST", $"/api/email-messages/{inbound.MessageId}/reply/")).Body);
        Assert.Equal("", Assert.Single(RequestsTo("POST", "/api/email-messages/compose/")).QueryString); // no ?inbox=
        Assert.Equal(["c@example.com, d@example.com", ""], Server.SentEmails.Select(e => e.Cc));
        Assert.Equal(["", "b@example.com"], Server.SentEmails.Select(e => e.Bcc));
    }
}

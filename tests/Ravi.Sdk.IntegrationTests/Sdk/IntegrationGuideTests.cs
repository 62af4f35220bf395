using System.Text.RegularExpressions;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The four steps of the integration guide (ravi-api/03-integration-guide.md), done with the SDK against the real server:
/// provision an identity, use it in a workflow, retrieve credentials, handle failures.
/// </summary>
public abstract partial class IntegrationGuideTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : IntegrationGuideTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : IntegrationGuideTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private const string Pin = "135790";

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex SixDigits();

    // ------------------------------------------------------------------ step 1

    [Fact]
    public async Task Step1_provisioning_an_identity_gives_an_inbox_a_phone_and_a_uuid_that_scopes_requests()
    {
        var client = CreateClient();

        var identity = await client.Identities.CreateAsync("my-agent");

        Assert.True(Guid.TryParseExact(identity.Uuid, "D", out _), identity.Uuid);
        Assert.Equal("my-agent", identity.Name);
        Assert.Equal("my-agent@in.ravi.test", identity.Inbox);
        Assert.Matches(@"^\+1555\d{7}$", identity.PhoneNumber);
        Assert.NotNull(identity.CreatedAt);
        Assert.Contains(await client.Identities.ListAsync().ToListAsync(), i => i.Uuid == identity.Uuid && i.Inbox == identity.Inbox);

        // The UUID is what scopes identity endpoints (X-Ravi-Identity).
        var phones = await client.ForIdentity(identity.Uuid).Phone.ListAsync().ToListAsync();
        Assert.Equal(identity.PhoneNumber, Assert.Single(phones).PhoneNumber);
        var create = Assert.Single(RequestsTo("POST", "/api/identities/"));
        Assert.Null(create.Header("X-Ravi-Identity"));
        Assert.Equal(identity.Uuid, Assert.Single(RequestsTo("GET", "/api/phone/")).Header("X-Ravi-Identity"));
    }

    // ------------------------------------------------------------------ step 2

    [Fact]
    public async Task Step2_an_sms_otp_and_a_verification_email_are_read_through_the_unread_inboxes()
    {
        var root = CreateClient();
        var identity = await root.Identities.CreateAsync("signup-agent");
        var agent = root.ForIdentity(identity.Uuid);
        Assert.Empty(await agent.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync());

        // The external service sends an SMS code and a verification email.
        var sms = Server.InjectSms(identity.Uuid, "+15557654321", "Your example.com verification code is 482913");
        var email = Server.InjectEmail(identity.Uuid, "noreply@example.com", "Verify your email",
            "Click https://example.com/verify?token=abc123 to verify.", "<p><a href=\"https://example.com/verify?token=abc123\">Verify</a></p>");

        var conversation = Assert.Single(await agent.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync());
        Assert.Equal(sms.ConversationId, conversation.ConversationId);
        Assert.Equal("+15557654321", conversation.FromNumber);
        Assert.Equal(1, conversation.UnreadCount);
        Assert.Equal("482913", SixDigits().Match(conversation.Preview!).Groups[1].Value);
        var detail = await agent.SmsInbox.GetConversationAsync(conversation.ConversationId);
        var message = Assert.Single(detail.Messages);
        Assert.Equal(sms.MessageId, message.Id);
        Assert.Equal("Your example.com verification code is 482913", message.Body);
        Assert.Equal("inbound", message.Direction);

        var thread = Assert.Single(await agent.EmailInbox.ListThreadsAsync(unreadOnly: true).ToListAsync());
        Assert.Equal(email.ThreadId, thread.ThreadId);
        Assert.Equal("Verify your email", thread.Subject);
        Assert.Equal("noreply@example.com", thread.FromEmail);
        Assert.Equal(identity.Inbox, thread.Inbox);
        Assert.Equal(1, thread.UnreadCount);
        var threadDetail = await agent.EmailInbox.GetThreadAsync(thread.ThreadId);
        var mail = Assert.Single(threadDetail.Messages);
        Assert.Equal(email.MessageId, mail.Id);
        Assert.Contains("https://example.com/verify?token=abc123", mail.TextContent, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/verify?token=abc123\"", mail.HtmlContent, StringComparison.Ordinal);

        // Reading the details marked both read: the unread polls are empty again.
        Assert.Empty(await agent.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync());
        Assert.Empty(await agent.EmailInbox.ListThreadsAsync(unreadOnly: true).ToListAsync());
        Assert.Single(await agent.SmsInbox.ListConversationsAsync().ToListAsync());
        Assert.All(RequestsUnder("GET", "/api/sms-inbox/"), r => Assert.Equal(identity.Uuid, r.Header("X-Ravi-Identity")));
        Assert.Equal(3, RequestsTo("GET", "/api/sms-inbox/").Count(r => r.QueryString == "?unread=true&has_unread=true"));
        Assert.Equal(2, RequestsTo("GET", "/api/email-inbox/").Count(r => r.QueryString == "?unread=true&has_unread=true"));
    }

    // ------------------------------------------------------------------ step 3

    [Fact]
    public async Task Step3_credentials_are_stored_encrypted_and_read_back_decrypted_by_a_fresh_unlocked_client()
    {
        var writer = CreateIdentityClient();
        var metadata = await writer.Encryption.SetupAsync(Pin);
        Assert.False(string.IsNullOrEmpty(metadata.PublicKey));
        Assert.True(writer.Encryption.IsUnlocked);

        var created = await writer.Passwords.CreateAsync(new PasswordEntryRequest
        {
            Domain = "example.com",
            Username = "myuser",
            Password = "mysecretpassword",
            Notes = "signed up by the agent",
        });
        Assert.Equal("mysecretpassword", created.Password);
        Assert.Equal(EncryptedFields.None, created.EncryptedFields);
        await writer.Vault.SetAsync("MY_API_KEY", "sk-abc123");

        // On the wire and on the server: only e2e:: ciphertext.
        var passwordBody = Assert.Single(RequestsTo("POST", "/api/passwords/")).Body!;
        var vaultBody = Assert.Single(RequestsTo("POST", "/api/vault/")).Body!;
        Assert.Contains("\"password\":\"e2e::", passwordBody, StringComparison.Ordinal);
        Assert.Contains("\"username\":\"e2e::", passwordBody, StringComparison.Ordinal);
        Assert.Contains("\"domain\":\"example.com\"", passwordBody, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"e2e::", vaultBody, StringComparison.Ordinal);
        foreach (var plaintext in new[] { "myuser", "mysecretpassword", "signed up by the agent" })
        {
            Assert.DoesNotContain(plaintext, passwordBody, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("sk-abc123", vaultBody, StringComparison.Ordinal);

        // A locked client gets the entries with the secret fields withheld and flagged, never the ciphertext.
        var locked = CreateIdentityClient();
        var listed = Assert.Single(await locked.Passwords.ListAsync().ToListAsync(), e => e.Domain == "example.com");
        var lockedEntry = await locked.Passwords.GetAsync(listed.Uuid);
        Assert.Null(lockedEntry.Password);
        Assert.Null(lockedEntry.Username);
        Assert.True(lockedEntry.EncryptedFields.HasFlag(EncryptedFields.Password | EncryptedFields.Username | EncryptedFields.Notes));
        var lockedSecret = await locked.Vault.GetByKeyAsync("MY_API_KEY");
        Assert.NotNull(lockedSecret);
        Assert.Null(lockedSecret.Value);
        Assert.Equal(EncryptedFields.Value, lockedSecret.EncryptedFields);

        // A fresh client unlocked with the PIN reads the plaintext (the guide's `ravi passwords get` / `ravi vault get`).
        var reader = CreateIdentityClient();
        await reader.Encryption.UnlockAsync(Pin);
        var entry = await reader.Passwords.GetAsync(listed.Uuid);
        Assert.Equal("myuser", entry.Username);
        Assert.Equal("mysecretpassword", entry.Password);
        Assert.Equal("signed up by the agent", entry.Notes);
        Assert.Equal(EncryptedFields.None, entry.EncryptedFields);
        var secret = await reader.Vault.GetByKeyAsync("MY_API_KEY");
        Assert.Equal("sk-abc123", secret!.Value);
        Assert.Null(await reader.Vault.GetByKeyAsync("NO_SUCH_KEY"));
    }

    // ------------------------------------------------------------------ step 4

    [Fact]
    public async Task Step4_an_expired_token_is_refreshed_transparently()
    {
        var agent = CreateIdentityClient();
        Assert.Empty(await agent.SmsInbox.ListConversationsAsync().ToListAsync());

        Server.ExpireAllTokens();
        Server.InjectSms(IdentityUuid, "+15550001111", "code 111222");
        var conversations = await agent.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync();

        Assert.Single(conversations);
        Assert.Equal(1, Server.RefreshCallCount);
        var polls = RequestsTo("GET", "/api/sms-inbox/");
        Assert.Equal([200, 401, 200], polls.Select(r => r.StatusCode));
        Assert.NotEqual(polls[1].Header("Authorization"), polls[2].Header("Authorization"));
        Assert.Equal($"Bearer {Server.AccessToken}", polls[0].Header("Authorization"));
    }

    [Fact]
    public async Task Step4_an_otp_poll_times_out_when_nothing_arrives_and_returns_the_code_when_it_does()
    {
        var agent = CreateIdentityClient();
        Server.InjectSms(IdentityUuid, "+15550002222", "old code 999999");
        var stale = Assert.Single(await agent.SmsInbox.ListConversationsAsync(unreadOnly: true).ToListAsync());
        await agent.SmsInbox.GetConversationAsync(stale.ConversationId); // read: no longer unread

        // Nothing new arrives: the poll gives up after its attempts (the guide's "Loop ends with no message").
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => PollSmsOtpAsync(agent, maxAttempts: 5, TimeSpan.FromMilliseconds(10)));
        Assert.Contains("5 polls", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(5, RequestsTo("GET", "/api/sms-inbox/").Count(r => r.QueryString == "?unread=true&has_unread=true") - 1);

        // The code arrives while polling: it is returned (and the stale one never is).
        var polling = PollSmsOtpAsync(agent, maxAttempts: 500, TimeSpan.FromMilliseconds(10));
        var before = RequestsTo("GET", "/api/sms-inbox/").Count;
        await WaitUntilAsync(() => RequestsTo("GET", "/api/sms-inbox/").Count >= before + 2, "two empty polls");
        Server.InjectSms(IdentityUuid, "+15550003333", "Your code is 246810");
        Assert.Equal("246810", await polling);
    }

    [Fact]
    public async Task Step4_parallel_agents_sharing_one_client_see_only_their_own_identity()
    {
        var root = CreateClient();
        var identities = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => root.Identities.CreateAsync($"parallel-{i}")));
        var codes = identities.ToDictionary(i => i.Uuid, i => (100000 + (Array.IndexOf(identities, i) * 11111)).ToString());

        var results = await Task.WhenAll(identities.Select(async identity =>
        {
            var agent = root.ForIdentity(identity.Uuid);
            var polling = PollSmsOtpAsync(agent, maxAttempts: 1000, TimeSpan.FromMilliseconds(5));
            Server.InjectSms(identity.Uuid, "+15550004444", $"Your code is {codes[identity.Uuid]}");
            var code = await polling;
            var threads = await agent.EmailInbox.ListThreadsAsync().ToListAsync();
            return (identity.Uuid, code, threads.Count);
        }));

        foreach (var (uuid, code, threadCount) in results)
        {
            Assert.Equal(codes[uuid], code);
            Assert.Equal(0, threadCount);
        }

        // Every identity-scoped request carried exactly one identity, and each identity's polls only ever named it.
        var scoped = Server.Requests.Where(r => r.Path.StartsWith("/api/sms-inbox/", StringComparison.Ordinal)).ToList();
        Assert.All(scoped, r => Assert.True(codes.ContainsKey(r.Header("X-Ravi-Identity") ?? ""), r.ToString()));
        Assert.Null(root.IdentityUuid);
        Assert.All(RequestsUnder("POST", "/api/identities/"), r => Assert.Null(r.Header("X-Ravi-Identity")));
    }

    [Fact]
    public async Task Step4_an_unknown_or_foreign_identity_is_reported_not_silently_replaced()
    {
        var root = CreateClient();
        var unknown = root.ForIdentity(Guid.NewGuid().ToString("D"));
        var notFound = await Assert.ThrowsAsync<RaviNotFoundException>(() => unknown.SmsInbox.ListConversationsAsync().ToListAsync().AsTask());
        Assert.Contains("Identity not found", notFound.Detail, StringComparison.Ordinal);

        Server.CreateUser("other@ravi.test", "other-password");
        var foreign = Server.CreateIdentity("someone-else", "other@ravi.test");
        var forbidden = await Assert.ThrowsAsync<RaviForbiddenException>(() => root.ForIdentity(foreign.Uuid).Vault.ListAsync().ToListAsync().AsTask());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forbidden.StatusCode);

        // Without an identity the SDK refuses before sending anything.
        var before = Server.Requests.Count;
        Assert.Throws<RaviIdentityRequiredException>(() => root.SmsInbox.ListConversationsAsync());
        Assert.Equal(before, Server.Requests.Count);
    }

    /// <summary>The guide's "poll with timeout" loop, with the SDK instead of the CLI: the newest unread SMS's 6-digit code.</summary>
    private static async Task<string> PollSmsOtpAsync(RaviClient agent, int maxAttempts, TimeSpan delay)
    {
        for (var attempt = 0; attempt < maxAttempts; attempt++)
        {
            await foreach (var conversation in agent.SmsInbox.ListConversationsAsync(unreadOnly: true))
            {
                var match = SixDigits().Match(conversation.Preview ?? "");
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }

            await Task.Delay(delay);
        }

        throw new TimeoutException($"No SMS received within {maxAttempts} polls.");
    }
}

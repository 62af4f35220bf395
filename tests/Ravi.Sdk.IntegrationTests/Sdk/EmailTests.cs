using System.Net;
using System.Security.Cryptography;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>Email through the SDK: compose, reply, reply-all, attachments (presign + direct upload) and paged listing.</summary>
public abstract class EmailTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : EmailTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : EmailTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    [Fact]
    public async Task Compose_sends_exactly_what_was_asked_and_the_message_reads_back()
    {
        var agent = CreateIdentityClient();

        var sent = await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest
        {
            To = "alice@example.com, Bob <bob@example.com>",
            Cc = "carol@example.com",
            Bcc = "dave@example.com",
            Subject = "Hello <there> & welcome",
            Body = "<p>Hi &amp; welcome</p>",
        });

        Assert.Equal("outbound", sent.Direction);
        Assert.Equal(Server.Identity.Inbox, sent.FromEmail);
        Assert.Equal("Hello <there> & welcome", sent.Subject);
        var record = Assert.Single(Server.SentEmails);
        Assert.Equal(RaviSendKind.Compose, record.Kind);
        Assert.Equal(sent.Id, record.MessageId);
        Assert.Equal(IdentityUuid, record.IdentityUuid);
        Assert.Equal("alice@example.com, Bob <bob@example.com>", record.To);
        Assert.Equal("carol@example.com", record.Cc);
        Assert.Equal("dave@example.com", record.Bcc);
        Assert.Equal("Hello <there> & welcome", record.Subject);
        Assert.Equal("<p>Hi &amp; welcome</p>", record.Body);
        Assert.Empty(record.AttachmentUuids);

        var fetched = await agent.EmailMessages.GetAsync(sent.Id);
        Assert.Equal(sent.Id, fetched.Id);
        Assert.Equal(sent.ThreadId, fetched.ThreadId);
        Assert.Equal("<p>Hi &amp; welcome</p>", fetched.HtmlContent);
        Assert.Equal([201], RequestsTo("POST", "/api/email-messages/compose/").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Reply_and_reply_all_answer_the_inbound_message_in_its_thread()
    {
        var agent = CreateIdentityClient();
        var inbound = Server.InjectEmail(IdentityUuid, "alice@example.com", "Question", "Can you confirm?");

        var reply = await agent.EmailMessages.ReplyAsync(inbound.MessageId, new ReplyEmailRequest { Body = "<p>Confirmed.</p>" });
        var replyAll = await agent.EmailMessages.ReplyAllAsync(inbound.MessageId, new ReplyEmailRequest
        {
            Body = "<p>Looping in Erin.</p>",
            Cc = "erin@example.com",
        });

        Assert.Equal(inbound.ThreadId, reply.ThreadId);
        Assert.Equal(inbound.ThreadId, replyAll.ThreadId);
        Assert.Equal([RaviSendKind.Reply, RaviSendKind.ReplyAll], Server.SentEmails.Select(e => e.Kind));
        Assert.All(Server.SentEmails, e =>
        {
            Assert.Equal(inbound.MessageId, e.InReplyTo);
            Assert.Equal("alice@example.com", e.To);
            Assert.Equal("Re: Question", e.Subject);
        });
        Assert.Equal("<p>Confirmed.</p>", Server.SentEmails[0].Body);
        Assert.Equal("erin@example.com", Server.SentEmails[1].Cc);

        var thread = await agent.EmailInbox.GetThreadAsync(inbound.ThreadId);
        Assert.Equal(3, thread.MessageCount);
        Assert.Equal([inbound.MessageId, reply.Id, replyAll.Id], thread.Messages.Select(m => m.Id));
        Assert.Equal(["inbound", "outbound", "outbound"], thread.Messages.Select(m => m.Direction));

        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.EmailMessages.ReplyAsync(999_999, new ReplyEmailRequest { Body = "x" }));
        Assert.Equal(2, Server.SentEmails.Count);
    }

    [Fact]
    public async Task An_attachment_is_uploaded_without_the_bearer_token_and_sent_with_the_email()
    {
        var agent = CreateIdentityClient();
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        using var content = new MemoryStream(bytes);

        var uuid = await agent.Attachments.UploadAsync("report.pdf", "application/pdf", content);
        var sent = await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest
        {
            To = "alice@example.com",
            Subject = "Report",
            Body = "<p>Attached.</p>",
            AttachmentUuids = [uuid],
        });

        var upload = Assert.Single(Server.UploadedAttachments);
        Assert.Equal(uuid, upload.Uuid);
        Assert.Equal(IdentityUuid, upload.IdentityUuid);
        Assert.Equal("report.pdf", upload.FileName);
        Assert.Equal("application/pdf", upload.ContentType);
        Assert.Equal(bytes, upload.Content.ToArray());

        // The storage host got no Authorization header (it rejects one), the API calls did.
        var put = Assert.Single(RequestsUnder("PUT", "/_storage/"));
        Assert.Equal(200, put.StatusCode);
        Assert.Null(put.Header("Authorization"));
        Assert.Null(put.Header("X-Ravi-Identity"));
        Assert.Equal("200000", put.Header("Content-Length"));
        Assert.StartsWith("Bearer ", Assert.Single(RequestsTo("POST", "/api/email-attachments/presign/")).Header("Authorization"), StringComparison.Ordinal);

        Assert.Equal([uuid], Assert.Single(Server.SentEmails).AttachmentUuids);
        var attachment = Assert.Single(sent.Attachments);
        Assert.Equal(uuid, attachment.Uuid);
        Assert.Equal("report.pdf", attachment.FileName);
        Assert.Equal(200_000, attachment.Size);
    }

    [Fact]
    public async Task A_non_seekable_stream_is_uploaded_with_presign_then_upload()
    {
        var agent = CreateIdentityClient();
        var bytes = RandomNumberGenerator.GetBytes(70_001);

        var slot = await agent.Attachments.PresignAsync("data.bin", "application/octet-stream", bytes.Length);
        await using (var pipe = new ChunkedStream(bytes))
        {
            await agent.Attachments.UploadAsync(slot, pipe, "application/octet-stream", bytes.Length);
        }

        Assert.Equal(bytes, Assert.Single(Server.UploadedAttachments).Content.ToArray());
        await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@example.com", AttachmentUuids = [slot.Uuid] });
        Assert.Equal([slot.Uuid], Assert.Single(Server.SentEmails).AttachmentUuids);

        // Sending an attachment that was presigned but never uploaded is refused by the server, field by field.
        var pending = await agent.Attachments.PresignAsync("late.txt", "text/plain", 3);
        var refused = await Assert.ThrowsAsync<RaviBadRequestException>(() =>
            agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@example.com", AttachmentUuids = [pending.Uuid] }));
        Assert.Contains("attachment_uuids", refused.FieldErrors.Keys);
        Assert.Single(Server.SentEmails);
    }

    [Fact]
    public async Task Listing_120_messages_follows_the_server_pages_or_reads_the_bare_array_and_yields_each_message_once()
    {
        var agent = CreateIdentityClient();
        var injected = Enumerable.Range(1, 120)
            .Select(i => Server.InjectEmail(IdentityUuid, $"sender{i}@example.com", $"Message {i}", $"Body {i}").MessageId)
            .ToHashSet();

        var listed = new List<EmailMessage>();
        await foreach (var message in agent.EmailMessages.ListAsync())
        {
            listed.Add(message);
            if (listed.Count == 1 && !IsCli)
            {
                Server.FailNext(1, 503, pathPrefix: "/api/email-messages/", method: "GET"); // the second page fails once
            }
        }

        Assert.Equal(120, listed.Count);
        Assert.Equal(injected, listed.Select(m => m.Id).ToHashSet());
        Assert.Equal(listed.Select(m => m.Id).OrderDescending(), listed.Select(m => m.Id)); // newest first, no page overlap
        var pages = RequestsTo("GET", "/api/email-messages/");
        if (IsCli)
        {
            Assert.Equal([""], pages.Select(r => r.QueryString)); // the CLI's service answers one bare array
            Assert.Equal([200], pages.Select(r => r.StatusCode));
        }
        else
        {
            Assert.Equal(["", "?limit=50&offset=50", "?limit=50&offset=50", "?limit=50&offset=100"], pages.Select(r => r.QueryString));
            Assert.Equal([200, 503, 200, 200], pages.Select(r => r.StatusCode));
        }

        Assert.All(pages, r => Assert.Equal(IdentityUuid, r.Header("X-Ravi-Identity")));
    }

    [Fact]
    public async Task Compose_on_an_unpaid_account_is_RaviPaymentRequiredException_and_sends_nothing()
    {
        var agent = CreateIdentityClient();
        var subscription = await agent.Subscription.GetAsync();
        Assert.True(subscription.IsActive);
        Assert.Equal("active", subscription.Status);

        Server.SetSubscription(false);
        Assert.False((await agent.Subscription.GetAsync()).IsActive);
        var unpaid = await Assert.ThrowsAsync<RaviPaymentRequiredException>(() =>
            agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "alice@example.com", Subject = "s", Body = "b" }));
        Assert.Equal(HttpStatusCode.PaymentRequired, unpaid.StatusCode);
        await Assert.ThrowsAsync<RaviPaymentRequiredException>(() => agent.Identities.CreateAsync("not-paid-for"));
        Assert.Empty(Server.SentEmails);
        Assert.Single(RequestsTo("POST", "/api/email-messages/compose/"));

        Server.SetSubscription(true);
        await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "alice@example.com", Subject = "s", Body = "b" });
        Assert.Single(Server.SentEmails);
    }
}

using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Resources;

/// <summary><c>/api/email-messages/</c>: lists (bare array or paged), get, compose, reply, reply-all.</summary>
public sealed class EmailMessagesWireTests
{
    private const string Path = "api/email-messages/";

    [Fact]
    public async Task List_follows_next_links_across_three_pages_absolute_and_relative()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path,
            $$"""{"count":5,"next":"https://ravi.test/api/email-messages/?limit=2&offset=2","previous":null,"results":[{{Samples.EmailMessageJson(1)}},{{Samples.EmailMessageJson(2, false)}}]}""");
        h.ExpectJson(HttpMethod.Get, Path + "?limit=2&offset=2",
            $$"""{"count":5,"next":"/api/email-messages/?limit=2&offset=4","previous":"https://ravi.test/api/email-messages/?limit=2","results":[{{Samples.EmailMessageJson(3)}},{{Samples.EmailMessageJson(4)}}]}""");
        h.ExpectJson(HttpMethod.Get, Path + "?limit=2&offset=4",
            $$"""{"results":[{{Samples.EmailMessageJson(5)}}],"count":5,"previous":"https://ravi.test/api/email-messages/?limit=2&offset=2","next":null}""");

        var messages = await h.Scoped.EmailMessages.ListAsync().ToListAsync();

        var requests = h.AllRequests(3);
        RequestAssert.Api(requests[0], HttpMethod.Get, Path, identity: true);
        RequestAssert.Api(requests[1], HttpMethod.Get, Path + "?limit=2&offset=2", identity: true);
        RequestAssert.Api(requests[2], HttpMethod.Get, Path + "?limit=2&offset=4", identity: true);
        ModelAssert.Sequence(
            [Samples.EmailMessage(1), Samples.EmailMessage(2, false), Samples.EmailMessage(3), Samples.EmailMessage(4), Samples.EmailMessage(5)],
            messages);
    }

    [Fact]
    public async Task List_fetches_next_page_only_when_enumeration_reaches_it()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path,
            $$"""{"count":4,"next":"https://ravi.test/api/email-messages/?offset=2","previous":null,"results":[{{Samples.EmailMessageJson(1)}},{{Samples.EmailMessageJson(2)}}]}""");

        var first = await h.Scoped.EmailMessages.ListAsync().Take(2).ToListAsync();

        Assert.Equal([1L, 2L], first.Select(m => m.Id));
        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path, identity: true);
    }

    [Fact]
    public async Task List_accepts_bare_array()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path, $"[{Samples.EmailMessageJson(1)},{Samples.EmailMessageJson(2)}]");

        var messages = await h.Scoped.EmailMessages.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path, identity: true);
        ModelAssert.Sequence([Samples.EmailMessage(1), Samples.EmailMessage(2)], messages);
    }

    [Fact]
    public async Task List_on_account_client_sends_no_identity_header()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path, "[]");

        var messages = await h.Client.EmailMessages.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path, identity: false);
        Assert.Empty(messages);
    }

    [Fact]
    public async Task Get_gets_by_id()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path + "42/", Samples.EmailMessageJson(42));

        var message = await h.Scoped.EmailMessages.GetAsync(42);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path + "42/", identity: true);
        ModelAssert.Equivalent(Samples.EmailMessage(42), message);
    }

    [Fact]
    public async Task Compose_posts_exact_minimal_body()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path + "compose/", Samples.EmailMessageJson(43), System.Net.HttpStatusCode.Created);

        var sent = await h.Scoped.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@b.c", Subject = "Hi", Body = "<p>x</p>" });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path + "compose/", identity: true,
            json: """{"to":"a@b.c","subject":"Hi","body":"<p>x</p>","attachment_uuids":[]}""");
        ModelAssert.Equivalent(Samples.EmailMessage(43), sent);
    }

    [Fact]
    public async Task Compose_posts_every_field_including_cc_bcc_and_attachments()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path + "compose/", Samples.EmailMessageJson(43));

        await h.Scoped.EmailMessages.ComposeAsync(new ComposeEmailRequest
        {
            To = "a@b.c, Bob <bob@example.com>",
            Subject = "Caf\u00e9 & \"quotes\" + more",
            Body = "<p>x</p>",
            Cc = "c@d.e",
            Bcc = "f@g.h",
            AttachmentUuids = [Samples.AttachmentUuid],
        });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path + "compose/", identity: true,
            json: $$"""{"to":"a@b.c, Bob <bob@example.com>","subject":"Café & \"quotes\" + more","body":"<p>x</p>","cc":"c@d.e","bcc":"f@g.h","attachment_uuids":["{{Samples.AttachmentUuid}}"]}""");
    }

    [Fact]
    public async Task Reply_posts_to_reply_endpoint()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path + "42/reply/", Samples.EmailMessageJson(44));

        var sent = await h.Scoped.EmailMessages.ReplyAsync(42, new ReplyEmailRequest { Body = "<p>Thanks</p>" });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path + "42/reply/", identity: true,
            json: """{"body":"<p>Thanks</p>","attachment_uuids":[]}""");
        ModelAssert.Equivalent(Samples.EmailMessage(44), sent);
    }

    [Fact]
    public async Task ReplyAll_posts_to_reply_all_endpoint_with_cc_bcc_and_attachments()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path + "42/reply-all/", Samples.EmailMessageJson(45));

        var sent = await h.Scoped.EmailMessages.ReplyAllAsync(42, new ReplyEmailRequest
        {
            Body = "<p>All</p>",
            Cc = "c@d.e",
            Bcc = "f@g.h",
            AttachmentUuids = [Samples.AttachmentUuid],
        });

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path + "42/reply-all/", identity: true,
            json: $$"""{"body":"<p>All</p>","cc":"c@d.e","bcc":"f@g.h","attachment_uuids":["{{Samples.AttachmentUuid}}"]}""");
        ModelAssert.Equivalent(Samples.EmailMessage(45), sent);
    }
}

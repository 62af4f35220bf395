using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class EmailTests : ServerTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override RaviTestServerOptions CreateOptions() => new() { TimeProvider = _time, AccessTokenLifetime = TimeSpan.FromDays(7) };

    private static JsonObject Compose(string to = "someone@example.com", string subject = "Hi", string body = "<p>Hello</p>") =>
        new() { ["to"] = to, ["subject"] = subject, ["body"] = body, ["cc"] = "", ["bcc"] = "", ["attachment_uuids"] = new JsonArray() };

    [Fact]
    public async Task Injected_email_shows_as_an_unread_thread_and_reading_it_marks_it_read()
    {
        var injected = Server.InjectEmail(Server.Identity.Uuid, "noreply@shop.example", "Your code", "Your code is 847291.\n\nThanks", "<b>847291</b>");
        _time.Advance(TimeSpan.FromSeconds(1));
        Server.InjectEmail(Server.Identity.Uuid, "news@shop.example", "Newsletter", "Read me");

        var unread = (await Api.GetAsync("api/email-inbox/?unread=true")).Expect(200).Array;
        Assert.Equal(["Newsletter", "Your code"], unread.Select(t => t!["subject"]!.GetValue<string>()));
        var thread = unread[1]!;
        Assert.Equal(injected.ThreadId, thread["thread_id"]!.GetValue<string>());
        Assert.Equal("noreply@shop.example", thread["from_email"]!.GetValue<string>());
        Assert.Equal(Server.Identity.Inbox, thread["inbox"]!.GetValue<string>());
        Assert.Equal("Your code is 847291. Thanks", thread["preview"]!.GetValue<string>());
        Assert.Equal(1, thread["unread_count"]!.GetValue<int>());
        Assert.Equal(1, thread["message_count"]!.GetValue<int>());

        var detail = (await Api.GetAsync($"api/email-inbox/{injected.ThreadId}/")).Expect(200).Object;
        var message = Assert.Single(detail["messages"]!.AsArray())!;
        Assert.Equal(injected.MessageId, message["id"]!.GetValue<long>());
        Assert.Equal("<b>847291</b>", message["html_content"]!.GetValue<string>());
        Assert.Equal("inbound", message["direction"]!.GetValue<string>());

        var stillUnread = (await Api.GetAsync("api/email-inbox/?unread=true")).Expect(200).Array;
        Assert.Equal(["Newsletter"], stillUnread.Select(t => t!["subject"]!.GetValue<string>()));
        Assert.Equal(2, (await Api.GetAsync("api/email-inbox/")).Expect(200).Array.Count);
        (await Api.GetAsync("api/email-inbox/thread-nope/")).Expect(404);
    }

    [Fact]
    public async Task Email_messages_are_a_limit_offset_page_with_absolute_next_urls()
    {
        for (var i = 1; i <= 120; i++)
        {
            Server.InjectEmail(Server.Identity.Uuid, "a@example.com", $"m{i}", "x");
        }

        var first = (await Api.GetAsync("api/email-messages/")).Expect(200).Object;
        Assert.Equal(120, first["count"]!.GetValue<int>());
        Assert.Equal(50, first["results"]!.AsArray().Count);
        Assert.Equal("m120", first["results"]![0]!["subject"]!.GetValue<string>());
        Assert.Null(first["previous"]);
        var next = first["next"]!.GetValue<string>();
        Assert.Equal(Server.Url("api/email-messages/?limit=50&offset=50").ToString(), next);

        var second = (await Api.GetAsync(next)).Expect(200).Object;
        Assert.Equal("m70", second["results"]![0]!["subject"]!.GetValue<string>());
        Assert.Equal(Server.Url("api/email-messages/?limit=50").ToString(), second["previous"]!.GetValue<string>());

        var last = (await Api.GetAsync("api/email-messages/?unread=true&limit=50&offset=100")).Expect(200).Object;
        Assert.Equal(20, last["results"]!.AsArray().Count);
        Assert.Null(last["next"]);
        Assert.Contains("unread=true", last["previous"]!.GetValue<string>());

        var clamped = (await Api.GetAsync("api/email-messages/?limit=100000")).Expect(200).Object;
        Assert.Equal(120, clamped["results"]!.AsArray().Count);
        for (var i = 0; i < 100; i++)
        {
            Server.InjectEmail(Server.Identity.Uuid, "a@example.com", "more", "x");
        }

        Assert.Equal(200, (await Api.GetAsync("api/email-messages/?limit=100000")).Expect(200).Object["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task Getting_a_message_marks_it_read()
    {
        var injected = Server.InjectEmail(Server.Identity.Uuid, "a@example.com", "s", "t");
        var message = (await Api.GetAsync($"api/email-messages/{injected.MessageId}/")).Expect(200).Object;
        Assert.False(message["is_read"]!.GetValue<bool>());
        Assert.Equal(Server.Url($"api/email-messages/{injected.MessageId}/").ToString(), message["url"]!.GetValue<string>());
        Assert.True((await Api.GetAsync($"api/email-messages/{injected.MessageId}/")).Expect(200).Object["is_read"]!.GetValue<bool>());
        Assert.Equal(0, (await Api.GetAsync("api/email-messages/?unread=true")).Expect(200).Object["count"]!.GetValue<int>());
        (await Api.GetAsync("api/email-messages/999999/")).Expect(404);
        (await Api.GetAsync("api/email-messages/abc/")).Expect(404);
    }

    [Fact]
    public async Task Compose_records_the_outbound_email_and_lists_it()
    {
        var sent = (await Api.PostAsync("api/email-messages/compose/", Compose(to: "a@example.com, Bob <b@example.com>"))).Expect(201).Object;
        Assert.Equal("outbound", sent["direction"]!.GetValue<string>());
        Assert.Equal(Server.Identity.Inbox, sent["from_email"]!.GetValue<string>());
        Assert.Equal("Hello", sent["text_content"]!.GetValue<string>());

        var record = Assert.Single(Server.SentEmails);
        Assert.Equal(RaviSendKind.Compose, record.Kind);
        Assert.Equal("a@example.com, Bob <b@example.com>", record.To);
        Assert.Equal("<p>Hello</p>", record.Body);
        Assert.Equal(sent["id"]!.GetValue<long>(), record.MessageId);
        Assert.Equal(Server.Identity.Uuid, record.IdentityUuid);

        var list = (await Api.GetAsync("api/email-messages/?direction=outbound")).Expect(200).Object;
        Assert.Equal(1, list["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{\"subject\": \"s\", \"body\": \"b\"}", "to", "This field is required.")]
    [InlineData("{\"to\": \"not-an-address\", \"subject\": \"s\", \"body\": \"b\"}", "to", "Enter a valid email address")]
    [InlineData("{\"to\": \"a@example.com\", \"subject\": 5, \"body\": \"b\"}", "subject", "Not a valid string.")]
    [InlineData("{\"to\": \"a@example.com\", \"subject\": \"s\"}", "body", "This field is required.")]
    [InlineData("{\"to\": \"a@example.com\", \"subject\": \"s\", \"body\": \"b\", \"cc\": null}", "cc", "This field may not be null.")]
    [InlineData("{\"to\": \"a@example.com\", \"subject\": \"s\", \"body\": \"b\", \"attachment_uuids\": \"x\"}", "attachment_uuids", "Expected a list")]
    [InlineData("{\"to\": \"a@example.com\", \"subject\": \"s\", \"body\": \"b\", \"attachment_uuids\": [\"00000000-0000-0000-0000-000000000000\"]}", "attachment_uuids", "Invalid attachment")]
    public async Task Compose_validates_its_fields_and_sends_nothing_when_invalid(string body, string field, string message)
    {
        var response = (await Api.PostAsync("api/email-messages/compose/", body)).Expect(400);
        Assert.StartsWith(message, response.Object[field]![0]!.GetValue<string>());
        Assert.Empty(Server.SentEmails);
    }

    [Fact]
    public async Task Reply_and_reply_all_thread_and_address_correctly()
    {
        var inbound = Server.InjectEmail(Server.Identity.Uuid, "alice@example.com", "Plans", "hi");
        var reply = (await Api.PostAsync($"api/email-messages/{inbound.MessageId}/reply/", new JsonObject { ["body"] = "ok" })).Expect(201).Object;
        Assert.Equal("alice@example.com", reply["to_email"]!.GetValue<string>());
        Assert.Equal("Re: Plans", reply["subject"]!.GetValue<string>());
        Assert.Equal(inbound.ThreadId, reply["thread_id"]!.GetValue<string>());

        var outbound = (await Api.PostAsync("api/email-messages/compose/", Compose(to: "x@example.com, y@example.com"))).Expect(201).Object;
        var all = (await Api.PostAsync($"api/email-messages/{outbound["id"]}/reply-all/", new JsonObject { ["body"] = "all", ["cc"] = "z@example.com" }))
            .Expect(201).Object;
        Assert.Equal("x@example.com, y@example.com", all["to_email"]!.GetValue<string>());
        Assert.Equal("z@example.com", all["cc"]!.GetValue<string>());

        Assert.Equal([RaviSendKind.Reply, RaviSendKind.Compose, RaviSendKind.ReplyAll], Server.SentEmails.Select(s => s.Kind));
        Assert.Equal(inbound.MessageId, Server.SentEmails[0].InReplyTo);
        Assert.Equal(2, (await Api.GetAsync($"api/email-inbox/{inbound.ThreadId}/")).Expect(200).Object["message_count"]!.GetValue<int>());
        (await Api.PostAsync("api/email-messages/999999/reply/", new JsonObject { ["body"] = "x" })).Expect(404);
    }

    [Fact]
    public async Task Sixty_one_sends_in_an_hour_get_429_with_retry_after()
    {
        for (var i = 0; i < 60; i++)
        {
            (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(201);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var limited = (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(429);
        Assert.Equal("rate_limited", limited.ErrorCode);
        var retryAfter = limited.Object["retry_after_seconds"]!.GetValue<int>();
        Assert.Equal(3600 - 600, retryAfter); // the first send leaves the window 50 min from now
        Assert.Equal(TimeSpan.FromSeconds(retryAfter), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(60, Server.SentEmails.Count);

        // replies count too; the limit is per identity
        var inbound = Server.InjectEmail(Server.Identity.Uuid, "a@example.com", "s", "t");
        (await Api.PostAsync($"api/email-messages/{inbound.MessageId}/reply/", new JsonObject { ["body"] = "x" })).Expect(429);
        var other = Server.CreateIdentity("second");
        using (var otherApi = new ServerApi(Server, identity: other.Uuid))
        {
            (await otherApi.PostAsync("api/email-messages/compose/", Compose())).Expect(201);
        }

        _time.Advance(TimeSpan.FromSeconds(retryAfter));
        (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(201);
        (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(429);
    }

    [Fact]
    public async Task The_daily_limit_is_500()
    {
        for (var hour = 0; hour < 9; hour++)
        {
            var sends = hour < 8 ? 60 : 20;
            for (var i = 0; i < sends; i++)
            {
                (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(201);
            }

            _time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(500, Server.SentEmails.Count);
        var limited = (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(429);
        Assert.Contains("500 per day", limited.Str("detail"));
        Assert.Equal(15 * 3600, limited.Object["retry_after_seconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unpaid_accounts_get_402_on_compose_and_nothing_is_sent()
    {
        Server.SetSubscription(active: false);
        Assert.Equal("payment_required", (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(402).ErrorCode);
        var inbound = Server.InjectEmail(Server.Identity.Uuid, "a@example.com", "s", "t");
        (await Api.PostAsync($"api/email-messages/{inbound.MessageId}/reply/", new JsonObject { ["body"] = "x" })).Expect(402);
        Assert.Empty(Server.SentEmails);
    }
}

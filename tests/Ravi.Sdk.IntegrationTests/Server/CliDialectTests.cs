using System.Text.Json;
using System.Text.Json.Nodes;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

/// <summary>
/// <see cref="RaviTestServerDialect.Cli"/>: the server answers as the service the official CLI (ravi-hq/cli, commit
/// bcc6751) was written for, checked with plain HTTP and the CLI's own request shapes.
/// </summary>
public sealed class CliDialectTests : ServerTestBase
{
    protected override RaviTestServerOptions CreateOptions() => new() { Dialect = RaviTestServerDialect.Cli };

    [Fact]
    public async Task Password_entries_and_vault_secrets_carry_the_numeric_identity_id()
    {
        var entry = (await Api.PostAsync("api/passwords/", new JsonObject { ["domain"] = "example.com", ["password"] = "e2e::cGFzcw==" })).Expect(201).Object;
        var secret = (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "K", ["value"] = "v" })).Expect(201).Object;

        Assert.True(Server.Identity.Id > 0);
        Assert.NotEqual(Server.Identity.Id, Server.Identity.InboxId);
        foreach (var node in new[]
        {
            entry["identity"], secret["identity"],
            (await Api.GetAsync("api/passwords/")).Expect(200).Array[0]!["identity"],
            (await Api.GetAsync("api/vault/")).Expect(200).Array[0]!["identity"],
        })
        {
            Assert.Equal(JsonValueKind.Number, node!.GetValueKind());
            Assert.Equal(Server.Identity.Id, node.GetValue<long>());
        }

        var other = Server.CreateIdentity("second-agent");
        Assert.NotEqual(Server.Identity.Id, other.Id);
    }

    [Fact]
    public async Task Email_messages_are_one_bare_array_without_pages()
    {
        for (var i = 0; i < 60; i++)
        {
            Server.InjectEmail(Server.Identity.Uuid, "a@example.com", $"s{i}", "t");
        }

        var all = (await Api.GetAsync("api/email-messages/")).Expect(200).Array;
        var limited = (await Api.GetAsync("api/email-messages/?limit=5&offset=5")).Expect(200).Array;

        Assert.Equal(60, all.Count);
        Assert.Equal(60, limited.Count); // limit/offset are not the CLI service's
        Assert.Equal("s59", all[0]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Encryption_before_setup_is_200_with_empty_fields_then_the_stored_metadata()
    {
        var empty = (await Api.GetAsync("api/encryption/")).Expect(200).Object;
        Assert.Equal("", empty["salt"]!.GetValue<string>());
        Assert.Equal("", empty["verifier"]!.GetValue<string>());
        Assert.Equal("", empty["public_key"]!.GetValue<string>());
        Assert.Null(empty["id"]);

        var salt = Convert.ToBase64String(new byte[16]);
        var key = Convert.ToBase64String(new byte[32]);
        var verifier = Convert.ToBase64String(new byte[63]);
        (await Api.PatchAsync("api/encryption/", new JsonObject { ["salt"] = salt, ["public_key"] = key, ["verifier"] = verifier })).Expect(201);
        Assert.Equal(key, (await Api.GetAsync("api/encryption/")).Expect(200).Str("public_key"));
    }

    [Fact]
    public async Task The_vault_list_filters_by_exact_key()
    {
        foreach (var k in new[] { "API_KEY", "api_key", "API_KEY_2" })
        {
            (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = k, ["value"] = "v" })).Expect(201);
        }

        Assert.Equal(["API_KEY"], (await Api.GetAsync("api/vault/?key=API_KEY")).Expect(200).Array.Select(s => s!["key"]!.GetValue<string>()));
        Assert.Empty((await Api.GetAsync("api/vault/?key=MISSING")).Expect(200).Array);
        Assert.Equal(3, (await Api.GetAsync("api/vault/")).Expect(200).Array.Count);
    }

    [Fact]
    public async Task Has_unread_and_is_read_are_honoured_and_unread_is_ignored()
    {
        var read = Server.InjectSms(Server.Identity.Uuid, "+15550000001", "old");
        Server.InjectSms(Server.Identity.Uuid, "+15550000002", "new");
        var readEmail = Server.InjectEmail(Server.Identity.Uuid, "a@example.com", "old", "t");
        Server.InjectEmail(Server.Identity.Uuid, "b@example.com", "new", "t");
        (await Api.GetAsync($"api/sms-inbox/{read.ConversationId}/")).Expect(200);
        (await Api.GetAsync($"api/email-inbox/{readEmail.ThreadId}/")).Expect(200);

        Assert.Single((await Api.GetAsync("api/sms-inbox/?has_unread=true")).Expect(200).Array);
        Assert.Equal(2, (await Api.GetAsync("api/sms-inbox/?unread=true")).Expect(200).Array.Count);
        Assert.Single((await Api.GetAsync("api/email-inbox/?has_unread=true")).Expect(200).Array);
        Assert.Equal(2, (await Api.GetAsync("api/email-inbox/?unread=true")).Expect(200).Array.Count);

        Assert.Equal(["new"], (await Api.GetAsync("api/messages/?is_read=false")).Expect(200).Array.Select(m => m!["body"]!.GetValue<string>()));
        Assert.Equal(["old"], (await Api.GetAsync("api/messages/?is_read=true")).Expect(200).Array.Select(m => m!["body"]!.GetValue<string>()));
        Assert.Equal(2, (await Api.GetAsync("api/messages/?unread=true")).Expect(200).Array.Count);
        Assert.Equal(["new"], (await Api.GetAsync("api/email-messages/?is_read=false")).Expect(200).Array.Select(m => m!["subject"]!.GetValue<string>()));
        Assert.Equal(2, (await Api.GetAsync("api/email-messages/?unread=true")).Expect(200).Array.Count);
    }

    [Fact]
    public async Task Passwords_update_with_patch_of_the_sent_fields_and_put_is_405()
    {
        var uuid = (await Api.PostAsync("api/passwords/", new JsonObject
        {
            ["domain"] = "example.com", ["username"] = "e2e::dXNlcg==", ["password"] = "e2e::cGFzcw==",
        })).Expect(201).Str("uuid");

        var put = (await Api.PutAsync($"api/passwords/{uuid}/", new JsonObject { ["domain"] = "x.example" })).Expect(405);
        Assert.Equal("method_not_allowed", put.ErrorCode);

        var patched = (await Api.PatchAsync($"api/passwords/{uuid}/", new JsonObject { ["password"] = "e2e::bmV3" })).Expect(200).Object;
        Assert.Equal("example.com", patched["domain"]!.GetValue<string>());
        Assert.Equal("e2e::dXNlcg==", patched["username"]!.GetValue<string>());
        Assert.Equal("e2e::bmV3", patched["password"]!.GetValue<string>());
        (await Api.PatchAsync($"api/passwords/{Guid.NewGuid()}/", new JsonObject { ["domain"] = "d" })).Expect(404);
        Assert.Equal("domain", (await Api.PatchAsync($"api/passwords/{uuid}/", new JsonObject { ["domain"] = "" })).Expect(400).Object.First().Key);
    }

    [Fact]
    public async Task Generate_password_lives_at_generate_dash_password()
    {
        Assert.Equal(20, (await Api.GetAsync("api/passwords/generate-password/?length=20")).Expect(200).Str("password")!.Length);
        (await Api.GetAsync("api/passwords/generate_password/")).Expect(404);
    }

    [Fact]
    public async Task Compose_accepts_the_cli_fields_and_checks_the_inbox_id()
    {
        var addresses = (await Api.GetAsync("api/email/")).Expect(200).Array;
        var inbox = Assert.Single(addresses)!;
        Assert.Equal(Server.Identity.InboxId, inbox["id"]!.GetValue<long>());
        Assert.Equal(Server.Identity.Inbox, inbox["email"]!.GetValue<string>());

        var sent = (await Api.PostAsync($"api/email-messages/compose/?inbox={Server.Identity.InboxId}", new JsonObject
        {
            ["to_email"] = "alice@example.com",
            ["subject"] = "Hello",
            ["content"] = "<p>Hi</p>",
            ["cc"] = new JsonArray("carol@example.com", "Dan <dan@example.com>"),
            ["bcc"] = new JsonArray("erin@example.com"),
        })).Expect(201).Object;
        var record = Assert.Single(Server.SentEmails);
        Assert.Equal(RaviSendKind.Compose, record.Kind);
        Assert.Equal("alice@example.com", record.To);
        Assert.Equal("carol@example.com, Dan <dan@example.com>", record.Cc);
        Assert.Equal("erin@example.com", record.Bcc);
        Assert.Equal("<p>Hi</p>", record.Body);
        Assert.Equal(sent["id"]!.GetValue<long>(), record.MessageId);

        // The documented fields still work; a wrong inbox, a non-numeric one, or both names at once are refused.
        (await Api.PostAsync("api/email-messages/compose/", new JsonObject { ["to"] = "a@example.com", ["subject"] = "s", ["body"] = "b", ["cc"] = "c@example.com" })).Expect(201);
        (await Api.PostAsync($"api/email-messages/compose/?inbox={Server.Identity.InboxId + 1}", new JsonObject { ["to_email"] = "a@example.com", ["subject"] = "s", ["content"] = "b" })).Expect(404);
        Assert.True((await Api.PostAsync("api/email-messages/compose/?inbox=abc", new JsonObject { ["to_email"] = "a@example.com", ["subject"] = "s", ["content"] = "b" })).Expect(400).Object.ContainsKey("inbox"));
        Assert.True((await Api.PostAsync("api/email-messages/compose/", new JsonObject { ["to"] = "a@example.com", ["to_email"] = "b@example.com", ["subject"] = "s", ["body"] = "b" })).Expect(400).Object.ContainsKey("to_email"));
        Assert.True((await Api.PostAsync("api/email-messages/compose/", new JsonObject { ["to_email"] = "a@example.com", ["subject"] = "s", ["content"] = "b", ["cc"] = new JsonArray("not an address") })).Expect(400).Object.ContainsKey("cc"));
        Assert.Equal(2, Server.SentEmails.Count);
    }

    [Fact]
    public async Task Reply_accepts_content_and_cc_arrays()
    {
        var inbound = Server.InjectEmail(Server.Identity.Uuid, "alice@example.com", "Question", "Confirm?");

        (await Api.PostAsync($"api/email-messages/{inbound.MessageId}/reply-all/", new JsonObject
        {
            ["content"] = "<p>Yes</p>", ["cc"] = new JsonArray("bob@example.com"),
        })).Expect(201);

        var record = Assert.Single(Server.SentEmails);
        Assert.Equal((RaviSendKind.ReplyAll, "alice@example.com", "bob@example.com", "<p>Yes</p>", "Re: Question"), (record.Kind, record.To, record.Cc, record.Body, record.Subject));
    }

    [Fact]
    public async Task Email_addresses_are_the_identitys_with_the_header_and_all_of_the_users_without()
    {
        var second = Server.CreateIdentity("second-agent");
        using var unscoped = new ServerApi(Server);

        Assert.Equal([Server.Identity.Inbox], (await Api.GetAsync("api/email/")).Expect(200).Array.Select(e => e!["email"]!.GetValue<string>()));
        Assert.Equal([Server.Identity.InboxId, second.InboxId], (await unscoped.GetAsync("api/email/")).Expect(200).Array.Select(e => e!["id"]!.GetValue<long>()));
        using var foreign = new ServerApi(Server, identity: Guid.NewGuid().ToString());
        (await foreign.GetAsync("api/email/")).Expect(404);
        using var anonymous = new ServerApi(Server) { Token = null };
        (await anonymous.GetAsync("api/email/")).Expect(401);
    }

    [Fact]
    public async Task Master_is_the_account_owners_name()
    {
        using var unscoped = new ServerApi(Server);

        var owner = (await unscoped.GetAsync("api/master/")).Expect(200).Object;

        Assert.Equal(Server.User.FirstName, owner["first_name"]!.GetValue<string>());
        Assert.Equal(Server.User.LastName, owner["last_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forward_sends_the_original_with_its_attachments_to_new_recipients_and_is_recorded()
    {
        var inbound = Server.InjectEmail(Server.Identity.Uuid, "alice@example.com", "Invoice", "Please pay", "<p>Please pay</p>");

        var forwarded = (await Api.PostAsync($"api/email-messages/{inbound.MessageId}/forward/", new JsonObject
        {
            ["to_email"] = "accounts@example.com",
            ["content"] = "<p>FYI</p>",
            ["cc"] = new JsonArray("boss@example.com"),
        })).Expect(201).Object;

        var record = Assert.Single(Server.SentEmails);
        Assert.Equal(RaviSendKind.Forward, record.Kind);
        Assert.Equal(inbound.MessageId, record.InReplyTo);
        Assert.Equal(("accounts@example.com", "boss@example.com", "Fwd: Invoice", "<p>FYI</p>"), (record.To, record.Cc, record.Subject, record.Body));
        Assert.Equal(inbound.ThreadId, record.ThreadId);
        Assert.Equal("outbound", forwarded["direction"]!.GetValue<string>());
        var html = forwarded["html_content"]!.GetValue<string>();
        Assert.StartsWith("<p>FYI</p>", html, StringComparison.Ordinal);
        Assert.Contains("Forwarded message", html, StringComparison.Ordinal);
        Assert.Contains("<p>Please pay</p>", html, StringComparison.Ordinal);
        Assert.Contains("alice@example.com", html, StringComparison.Ordinal);

        // Counted against the send limits, 404 for an unknown message, 400 without a recipient; nothing else was sent.
        (await Api.PostAsync("api/email-messages/999999/forward/", new JsonObject { ["to_email"] = "a@example.com", ["content"] = "x" })).Expect(404);
        Assert.True((await Api.PostAsync($"api/email-messages/{inbound.MessageId}/forward/", new JsonObject { ["content"] = "x" })).Expect(400).Object.ContainsKey("to"));
        Server.SetSubscription(false);
        (await Api.PostAsync($"api/email-messages/{inbound.MessageId}/forward/", new JsonObject { ["to_email"] = "a@example.com", ["content"] = "x" })).Expect(402);
        Assert.Single(Server.SentEmails);
    }
}

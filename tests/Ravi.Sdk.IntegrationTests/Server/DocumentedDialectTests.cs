using System.Text.Json;
using System.Text.Json.Nodes;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

/// <summary>
/// The default <see cref="RaviTestServerDialect.Documented"/> server is the docs and nothing more: the CLI's variants are
/// ignored or refused there (the counterpart of <see cref="CliDialectTests"/>).
/// </summary>
public sealed class DocumentedDialectTests : ServerTestBase
{
    [Fact]
    public async Task The_default_dialect_is_documented()
    {
        Assert.Equal(RaviTestServerDialect.Documented, new RaviTestServerOptions().Dialect);
        Assert.Equal(RaviTestServerDialect.Documented, Server.Options.Dialect);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RaviTestServer.StartAsync(new RaviTestServerOptions { Dialect = (RaviTestServerDialect)7 }));
    }

    [Fact]
    public async Task Identity_is_a_uuid_string_and_encryption_before_setup_is_404()
    {
        var entry = (await Api.PostAsync("api/passwords/", new JsonObject { ["domain"] = "example.com" })).Expect(201).Object;

        Assert.Equal(JsonValueKind.String, entry["identity"]!.GetValueKind());
        Assert.Equal(Server.Identity.Uuid, entry["identity"]!.GetValue<string>());
        Assert.Equal("not_found", (await Api.GetAsync("api/encryption/")).Expect(404).ErrorCode);
    }

    [Fact]
    public async Task Unread_is_honoured_and_the_cli_filters_are_ignored()
    {
        var read = Server.InjectSms(Server.Identity.Uuid, "+15550000001", "old");
        Server.InjectSms(Server.Identity.Uuid, "+15550000002", "new");
        (await Api.GetAsync($"api/sms-inbox/{read.ConversationId}/")).Expect(200);

        Assert.Single((await Api.GetAsync("api/sms-inbox/?unread=true")).Expect(200).Array);
        Assert.Equal(2, (await Api.GetAsync("api/sms-inbox/?has_unread=true")).Expect(200).Array.Count);
        Assert.Single((await Api.GetAsync("api/messages/?unread=true")).Expect(200).Array);
        Assert.Equal(2, (await Api.GetAsync("api/messages/?is_read=false")).Expect(200).Array.Count);
    }

    [Fact]
    public async Task The_vault_list_ignores_key_and_email_messages_are_a_page()
    {
        (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "A", ["value"] = "v" })).Expect(201);
        (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "B", ["value"] = "v" })).Expect(201);
        Server.InjectEmail(Server.Identity.Uuid, "a@example.com", "s", "t");

        Assert.Equal(2, (await Api.GetAsync("api/vault/?key=A")).Expect(200).Array.Count);
        var page = (await Api.GetAsync("api/email-messages/")).Expect(200).Object;
        Assert.Equal(1, page["count"]!.GetValue<int>());
        Assert.Single(page["results"]!.AsArray());
    }

    [Fact]
    public async Task Passwords_update_with_put_only_and_generate_at_generate_underscore_password()
    {
        var uuid = (await Api.PostAsync("api/passwords/", new JsonObject { ["domain"] = "example.com" })).Expect(201).Str("uuid");

        Assert.Equal("method_not_allowed", (await Api.PatchAsync($"api/passwords/{uuid}/", new JsonObject { ["domain"] = "x.example" })).Expect(405).ErrorCode);
        (await Api.PutAsync($"api/passwords/{uuid}/", new JsonObject { ["domain"] = "x.example" })).Expect(200);
        (await Api.GetAsync("api/passwords/generate-password/")).Expect(404);
        (await Api.GetAsync("api/passwords/generate_password/")).Expect(200);
    }

    [Fact]
    public async Task The_cli_only_endpoints_and_field_names_do_not_exist()
    {
        var inbound = Server.InjectEmail(Server.Identity.Uuid, "alice@example.com", "Invoice", "Please pay");

        (await Api.GetAsync("api/email/")).Expect(404);
        (await Api.GetAsync("api/master/")).Expect(404);
        (await Api.PostAsync($"api/email-messages/{inbound.MessageId}/forward/", new JsonObject { ["to_email"] = "a@example.com", ["content"] = "x" })).Expect(404);
        var compose = (await Api.PostAsync("api/email-messages/compose/", new JsonObject { ["to_email"] = "a@example.com", ["subject"] = "s", ["content"] = "b" })).Expect(400).Object;
        Assert.True(compose.ContainsKey("to") && compose.ContainsKey("body"), compose.ToJsonString());
        Assert.True((await Api.PostAsync("api/email-messages/compose/", new JsonObject { ["to"] = "a@example.com", ["body"] = "b", ["cc"] = new JsonArray("c@example.com") })).Expect(400).Object.ContainsKey("cc"));
        Assert.Empty(Server.SentEmails);
    }
}

using System.Text.Json.Nodes;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class VaultTests : ServerTestBase
{
    [Fact]
    public async Task Password_entries_round_trip_ciphertext_verbatim()
    {
        var created = (await Api.PostAsync("api/passwords/", new JsonObject
        {
            ["domain"] = "example.com", ["username"] = "e2e::dXNlcg==", ["password"] = "e2e::cGFzcw==", ["notes"] = null,
        })).Expect(201).Object;
        var uuid = created["uuid"]!.GetValue<string>();
        Assert.Equal(Server.Identity.Uuid, created["identity"]!.GetValue<string>());

        var listed = Assert.Single((await Api.GetAsync("api/passwords/")).Expect(200).Array)!;
        Assert.Equal("example.com", listed["domain"]!.GetValue<string>());
        Assert.Null(listed["password"]);

        var fetched = (await Api.GetAsync($"api/passwords/{uuid}/")).Expect(200).Object;
        Assert.Equal("e2e::cGFzcw==", fetched["password"]!.GetValue<string>());
        Assert.Equal("e2e::dXNlcg==", fetched["username"]!.GetValue<string>());

        var updated = (await Api.PutAsync($"api/passwords/{uuid}/", new JsonObject { ["domain"] = "example.org", ["password"] = "e2e::bmV3" }))
            .Expect(200).Object;
        Assert.Equal("e2e::bmV3", updated["password"]!.GetValue<string>());
        Assert.Equal("e2e::dXNlcg==", updated["username"]!.GetValue<string>());

        Assert.Equal("domain", (await Api.PutAsync($"api/passwords/{uuid}/", new JsonObject { ["password"] = "x" })).Expect(400).Object.First().Key);
        (await Api.DeleteAsync($"api/passwords/{uuid}/")).Expect(204);
        (await Api.GetAsync($"api/passwords/{uuid}/")).Expect(404);
    }

    [Fact]
    public async Task Generate_password_honours_the_options()
    {
        var password = (await Api.GetAsync("api/passwords/generate_password/?length=40&special=false&exclude_chars=abcXYZ012"))
            .Expect(200).Str("password")!;
        Assert.Equal(40, password.Length);
        Assert.All(password, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
        Assert.DoesNotContain(password, c => "abcXYZ012".Contains(c));
        Assert.Contains(password, char.IsAsciiDigit);
        Assert.Contains(password, char.IsAsciiLetterUpper);

        Assert.Equal(16, (await Api.GetAsync("api/passwords/generate_password/")).Expect(200).Str("password")!.Length);
        Assert.Equal("7777", (await Api.GetAsync("api/passwords/generate_password/?length=4&uppercase=false&lowercase=false&special=false&exclude_chars=012345689"))
            .Expect(200).Str("password"));
        Assert.Equal(1024, (await Api.GetAsync("api/passwords/generate_password/?length=1024")).Expect(200).Str("password")!.Length);
    }

    [Theory]
    [InlineData("length=0", "length")]
    [InlineData("length=1025", "length")]
    [InlineData("length=abc", "length")]
    [InlineData("digits=maybe", "digits")]
    public async Task Generate_password_rejects_bad_options(string query, string field)
    {
        var response = (await Api.GetAsync("api/passwords/generate_password/?" + query)).Expect(400);
        Assert.True(response.Object.ContainsKey(field), response.Text);
    }

    [Fact]
    public async Task Generate_password_with_no_characters_left_is_a_400()
    {
        var response = (await Api.GetAsync("api/passwords/generate_password/?uppercase=false&lowercase=false&special=false&exclude_chars=0123456789"))
            .Expect(400);
        Assert.NotNull(response.Str("detail"));
    }

    [Fact]
    public async Task Vault_secrets_upsert_by_key_and_list_redacted()
    {
        var created = (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "API_KEY", ["value"] = "e2e::djE=" })).Expect(201).Object;
        var uuid = created["uuid"]!.GetValue<string>();
        var updated = (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "API_KEY", ["value"] = "e2e::djI=", ["notes"] = "e2e::bg==" }))
            .Expect(200).Object;
        Assert.Equal(uuid, updated["uuid"]!.GetValue<string>());

        var listed = Assert.Single((await Api.GetAsync("api/vault/")).Expect(200).Array)!.AsObject();
        Assert.True(listed.ContainsKey("value"));
        Assert.Null(listed["value"]);
        Assert.Equal("API_KEY", listed["key"]!.GetValue<string>());

        Assert.Equal("e2e::djI=", (await Api.GetAsync($"api/vault/{uuid}/")).Expect(200).Str("value"));
        Assert.Equal("value", (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "K" })).Expect(400).Object.First().Key);
        (await Api.DeleteAsync($"api/vault/{uuid}/")).Expect(204);
        (await Api.DeleteAsync($"api/vault/{uuid}/")).Expect(404);
        Assert.Empty((await Api.GetAsync("api/vault/")).Expect(200).Array);
    }

    [Fact]
    public async Task Vault_is_per_identity()
    {
        (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "K", ["value"] = "v" })).Expect(201);
        using var other = new ServerApi(Server, identity: Server.CreateIdentity("other").Uuid);
        Assert.Empty((await other.GetAsync("api/vault/")).Expect(200).Array);
    }
}

using System.Text.Json.Nodes;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class IdentityTests : ServerTestBase
{
    [Fact]
    public async Task Create_get_update_list_and_delete_an_identity()
    {
        var created = (await Api.PostAsync("api/identities/", new JsonObject { ["name"] = "Shopper-1" })).Expect(201).Object;
        var uuid = created["uuid"]!.GetValue<string>();
        Assert.True(Guid.TryParseExact(uuid, "D", out _));
        Assert.Equal("shopper-1@in.ravi.test", created["inbox"]!.GetValue<string>());
        Assert.Matches(@"^\+1555\d{7}$", created["phone"]!.GetValue<string>());
        Assert.NotEqual(Server.Identity.PhoneNumber, created["phone"]!.GetValue<string>());
        Assert.EndsWith("Z", created["created_dt"]!.GetValue<string>());

        var fetched = (await Api.GetAsync($"api/identities/{uuid}/")).Expect(200).Object;
        Assert.Equal("Shopper-1", fetched["name"]!.GetValue<string>());

        var renamed = (await Api.PutAsync($"api/identities/{uuid}/", new JsonObject { ["name"] = "shopper-2" })).Expect(200).Object;
        Assert.Equal("shopper-2", renamed["name"]!.GetValue<string>());

        var list = (await Api.GetAsync("api/identities/")).Expect(200).Array;
        Assert.Equal([Server.Identity.Uuid, uuid], list.Select(i => i!["uuid"]!.GetValue<string>()));

        (await Api.DeleteAsync($"api/identities/{uuid}/")).Expect(204);
        (await Api.GetAsync($"api/identities/{uuid}/")).Expect(404);
        Assert.Single((await Api.GetAsync("api/identities/")).Expect(200).Array);

        Api.Identity = uuid;
        Assert.Equal("not_found", (await Api.GetAsync("api/sms-inbox/")).Expect(404).ErrorCode);
    }

    [Fact]
    public async Task Taken_names_conflict_with_409_case_insensitively()
    {
        var conflict = (await Api.PostAsync("api/identities/", new JsonObject { ["name"] = Server.Identity.Name.ToUpperInvariant() })).Expect(409);
        Assert.Equal("conflict", conflict.ErrorCode);
        Assert.NotNull(conflict.Str("detail"));

        var other = Server.CreateIdentity("other");
        (await Api.PutAsync($"api/identities/{other.Uuid}/", new JsonObject { ["name"] = Server.Identity.Name })).Expect(409);
        (await Api.PutAsync($"api/identities/{other.Uuid}/", new JsonObject { ["name"] = "other" })).Expect(200);
    }

    [Theory]
    [InlineData("{}", "This field is required.")]
    [InlineData("{\"name\": null}", "This field may not be null.")]
    [InlineData("{\"name\": \"\"}", "This field may not be blank.")]
    [InlineData("{\"name\": 42}", "Not a valid string.")]
    [InlineData("{\"name\": \"has space\"}", "Enter a valid name")]
    [InlineData("{\"name\": \"-leading\"}", "Enter a valid name")]
    public async Task Invalid_names_get_field_errors(string body, string message)
    {
        var response = (await Api.PostAsync("api/identities/", body)).Expect(400);
        Assert.StartsWith(message, response.Object["name"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Too_long_names_are_rejected()
    {
        var response = (await Api.PostAsync("api/identities/", new JsonObject { ["name"] = new string('a', 65) })).Expect(400);
        Assert.Contains("64", response.Object["name"]![0]!.GetValue<string>());
        (await Api.PostAsync("api/identities/", new JsonObject { ["name"] = new string('a', 64) })).Expect(201);
    }

    [Fact]
    public async Task Scoped_endpoints_require_the_identity_header()
    {
        Api.Identity = null;
        var missing = (await Api.GetAsync("api/email-inbox/")).Expect(400);
        Assert.Equal("identity_required", missing.ErrorCode);
        Assert.NotNull(missing.Str("detail"));

        Api.Identity = "not-a-uuid";
        Assert.Equal("invalid_identity", (await Api.GetAsync("api/vault/")).Expect(400).ErrorCode);

        Api.Identity = Guid.NewGuid().ToString();
        Assert.Equal("not_found", (await Api.GetAsync("api/passwords/")).Expect(404).ErrorCode);

        Api.Identity = Server.Identity.Uuid.ToUpperInvariant();
        (await Api.GetAsync("api/passwords/")).Expect(200);

        // user-level endpoints do not need it
        Api.Identity = null;
        (await Api.GetAsync("api/identities/")).Expect(200);
        (await Api.GetAsync("api/subscription/")).Expect(200);
    }

    [Fact]
    public async Task Another_users_identity_is_forbidden_in_the_header_and_hidden_in_the_collection()
    {
        var stranger = Server.CreateUser("stranger@example.com", "pw");
        var theirs = Server.CreateIdentity("theirs", stranger.Email);

        Api.Identity = theirs.Uuid;
        Assert.Equal("permission_denied", (await Api.GetAsync("api/sms-inbox/")).Expect(403).ErrorCode);
        (await Api.GetAsync($"api/identities/{theirs.Uuid}/")).Expect(404);
        (await Api.DeleteAsync($"api/identities/{theirs.Uuid}/")).Expect(404);

        using var strangerApi = new ServerApi(Server, Server.IssueTokens(stranger.Email).AccessToken, theirs.Uuid);
        Assert.Equal([theirs.Uuid], (await strangerApi.GetAsync("api/identities/")).Expect(200).Array.Select(i => i!["uuid"]!.GetValue<string>()));
        (await strangerApi.GetAsync("api/sms-inbox/")).Expect(200);
    }

    [Fact]
    public async Task Phone_lists_the_identity_number()
    {
        var phones = (await Api.GetAsync("api/phone/")).Expect(200).Array;
        var phone = Assert.Single(phones)!;
        Assert.Equal(Server.Identity.PhoneNumber, phone["phone_number"]!.GetValue<string>());
        Assert.NotNull(phone["provider"]);
        Assert.True(phone["id"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Unpaid_accounts_get_402_on_identity_creation()
    {
        var active = (await Api.GetAsync("api/subscription/")).Expect(200).Object;
        Assert.True(active["is_active"]!.GetValue<bool>());
        Assert.Equal("active", active["status"]!.GetValue<string>());

        Server.SetSubscription(active: false);
        var inactive = (await Api.GetAsync("api/subscription/")).Expect(200).Object;
        Assert.False(inactive["is_active"]!.GetValue<bool>());

        var denied = (await Api.PostAsync("api/identities/", new JsonObject { ["name"] = "unpaid" })).Expect(402);
        Assert.Equal("payment_required", denied.ErrorCode);
        Assert.Single((await Api.GetAsync("api/identities/")).Expect(200).Array);

        Server.SetSubscription(active: true);
        (await Api.PostAsync("api/identities/", new JsonObject { ["name"] = "unpaid" })).Expect(201);
    }
}

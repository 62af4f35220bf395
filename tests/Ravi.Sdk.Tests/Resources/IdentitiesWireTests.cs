using System.Net;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Resources;

/// <summary><c>/api/identities/</c>: account-level, so no <c>X-Ravi-Identity</c> even when called on an identity view.</summary>
public sealed class IdentitiesWireTests
{
    private const string Path = "api/identities/";
    private const string ItemPath = Path + Samples.OtherIdentityUuid + "/";

    [Fact]
    public async Task List_gets_bare_array_without_identity_header()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path, $"[{Samples.IdentityJson()},{Samples.IdentityJson(Samples.OtherIdentityUuid, "second")}]");

        var identities = await h.Scoped.Identities.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path, identity: false);
        ModelAssert.Sequence([Samples.Identity(), Samples.Identity(Samples.OtherIdentityUuid, "second")], identities);
    }

    [Fact]
    public async Task List_accepts_a_page_object()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Path, $$"""{"count":1,"next":null,"previous":null,"results":[{{Samples.IdentityJson()}}]}""");

        var identities = await h.Client.Identities.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, Path, identity: false);
        ModelAssert.Sequence([Samples.Identity()], identities);
    }

    [Fact]
    public async Task Create_posts_name_and_parses_created_identity()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path, Samples.IdentityJson(Samples.OtherIdentityUuid, "my-agent"), HttpStatusCode.Created);

        var identity = await h.Scoped.Identities.CreateAsync("my-agent");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Post, Path, identity: false, json: """{"name":"my-agent"}""");
        ModelAssert.Equivalent(Samples.Identity(Samples.OtherIdentityUuid, "my-agent"), identity);
    }

    [Fact]
    public async Task Get_gets_by_uuid()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, ItemPath, Samples.IdentityJson(Samples.OtherIdentityUuid, "second"));

        var identity = await h.Scoped.Identities.GetAsync(Samples.OtherIdentityUuid);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, ItemPath, identity: false);
        ModelAssert.Equivalent(Samples.Identity(Samples.OtherIdentityUuid, "second"), identity);
    }

    [Fact]
    public async Task Update_puts_new_name()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Put, ItemPath, Samples.IdentityJson(Samples.OtherIdentityUuid, "renamed"));

        var identity = await h.Scoped.Identities.UpdateAsync(Samples.OtherIdentityUuid, "renamed");

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Put, ItemPath, identity: false, json: """{"name":"renamed"}""");
        ModelAssert.Equivalent(Samples.Identity(Samples.OtherIdentityUuid, "renamed"), identity);
    }

    [Fact]
    public async Task Delete_sends_delete_without_body_and_accepts_204()
    {
        using var h = new WireHarness();
        h.Expect(HttpMethod.Delete, ItemPath).Respond(HttpStatusCode.NoContent);

        await h.Scoped.Identities.DeleteAsync(Samples.OtherIdentityUuid);

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Delete, ItemPath, identity: false);
    }

    [Fact]
    public async Task Create_with_taken_name_is_conflict()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, Path, """{"detail":"Identity name already taken.","code":"name_taken"}""", HttpStatusCode.Conflict);

        var ex = await Assert.ThrowsAsync<RaviConflictException>(() => h.Client.Identities.CreateAsync("my-agent"));

        Assert.Equal("name_taken", ex.Code);
        Assert.Equal("Identity name already taken.", ex.Detail);
    }
}

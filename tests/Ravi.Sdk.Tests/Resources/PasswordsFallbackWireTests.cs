using System.Net;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Resources;

/// <summary>
/// Items 4 and 5 of the dialects issue. generate_password: the documented path first; on 404 the CLI's
/// <c>generate-password/</c>, remembered for the client's lifetime. Update: <c>PUT</c> as documented; on 405 a
/// <c>PATCH</c> of the fields the caller set (what the CLI sends), remembered too. Both memories belong to the root
/// client and are shared by all of its identity views.
/// </summary>
public sealed class PasswordsFallbackWireTests
{
    private const string Path = "api/passwords/";
    private const string Documented = Path + "generate_password/";
    private const string Cli = Path + "generate-password/";
    private const string ItemPath = Path + Samples.EntryUuid + "/";
    private const string NotFoundJson = """{"detail":"Not found.","code":"not_found"}""";
    private const string NotAllowedJson = """{"detail":"Method \"PUT\" not allowed.","code":"method_not_allowed"}""";

    [Fact]
    public async Task Generate_falls_back_to_the_cli_path_on_404_and_remembers_it_across_views()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Documented + "?length=24", NotFoundJson, HttpStatusCode.NotFound);
        h.ExpectJson(HttpMethod.Get, Cli + "?length=24", """{"password":"first"}""");
        h.ExpectJson(HttpMethod.Get, Cli, """{"password":"second"}""");
        h.ExpectJson(HttpMethod.Get, Cli + "?digits=false", """{"password":"third"}""");

        var first = await h.Scoped.Passwords.GeneratePasswordAsync(new GeneratePasswordOptions { Length = 24 });
        var second = await h.Scoped.Passwords.GeneratePasswordAsync();
        var third = await h.Client.ForIdentity(Samples.OtherIdentityUuid).Passwords.GeneratePasswordAsync(new GeneratePasswordOptions { Digits = false });

        Assert.Equal(["first", "second", "third"], [first, second, third]);
        var requests = h.AllRequests(4);
        RequestAssert.Api(requests[0], HttpMethod.Get, Documented + "?length=24", identity: true);
        RequestAssert.Api(requests[1], HttpMethod.Get, Cli + "?length=24", identity: true);
        Assert.Equal(Samples.OtherIdentityUuid, requests[3].Header("X-Ravi-Identity"));
    }

    [Fact]
    public async Task Generate_on_a_server_with_neither_path_throws_the_documented_404_and_remembers_nothing()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Documented, """{"detail":"No generate_password here.","code":"not_found"}""", HttpStatusCode.NotFound);
        h.ExpectJson(HttpMethod.Get, Cli, """{"detail":"Nor the other one.","code":"not_found"}""", HttpStatusCode.NotFound);
        h.ExpectJson(HttpMethod.Get, Documented, """{"password":"later"}""");

        var error = await Assert.ThrowsAsync<RaviNotFoundException>(() => h.Scoped.Passwords.GeneratePasswordAsync());
        var later = await h.Scoped.Passwords.GeneratePasswordAsync();

        Assert.Equal("No generate_password here.", error.Detail);
        Assert.Equal("later", later);
        h.AllRequests(3);
    }

    [Fact]
    public async Task Generate_does_not_fall_back_on_other_errors()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, Documented, """{"length":["bad"]}""", HttpStatusCode.BadRequest);

        await Assert.ThrowsAsync<RaviBadRequestException>(() => h.Scoped.Passwords.GeneratePasswordAsync());

        h.SingleRequest();
    }

    [Fact]
    public async Task Concurrent_generates_on_many_views_all_succeed_and_later_calls_use_the_cli_path_only()
    {
        using var h = new WireHarness();
        var documentedCalls = 0;
        h.Mock.When(HttpMethod.Get, WireHarness.Base + Documented).Respond(_ =>
        {
            Interlocked.Increment(ref documentedCalls);
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(NotFoundJson, System.Text.Encoding.UTF8, "application/json") };
        });
        h.Mock.When(HttpMethod.Get, WireHarness.Base + Cli).Respond("application/json", """{"password":"p"}""");

        var views = Enumerable.Range(0, 16).Select(i => h.Client.ForIdentity(Guid.NewGuid().ToString("D"))).ToList();
        var results = await Task.WhenAll(views.Select(v => v.Passwords.GeneratePasswordAsync()));
        var before = Volatile.Read(ref documentedCalls);
        await Task.WhenAll(views.Select(v => v.Passwords.GeneratePasswordAsync()));

        Assert.All(results, p => Assert.Equal("p", p));
        Assert.InRange(before, 1, 16);
        Assert.Equal(before, Volatile.Read(ref documentedCalls));
    }

    [Fact]
    public async Task A_new_root_client_starts_again_with_the_documented_path()
    {
        using var first = new WireHarness();
        first.ExpectJson(HttpMethod.Get, Documented, NotFoundJson, HttpStatusCode.NotFound);
        first.ExpectJson(HttpMethod.Get, Cli, """{"password":"p"}""");
        await first.Scoped.Passwords.GeneratePasswordAsync();

        using var second = new WireHarness();
        second.ExpectJson(HttpMethod.Get, Documented, """{"password":"q"}""");

        Assert.Equal("q", await second.Scoped.Passwords.GeneratePasswordAsync());
        RequestAssert.Api(second.SingleRequest(), HttpMethod.Get, Documented, identity: true);
    }

    [Fact]
    public async Task Update_sends_patch_with_the_set_fields_after_405_and_remembers_it_across_views()
    {
        using var h = new WireHarness();
        h.Expect(HttpMethod.Put, ItemPath).Respond(HttpStatusCode.MethodNotAllowed, "application/json", NotAllowedJson);
        h.ExpectJson(HttpMethod.Patch, ItemPath, Samples.PasswordJson());
        h.ExpectJson(HttpMethod.Patch, ItemPath, Samples.PasswordJson());

        var updated = await h.Scoped.Passwords.UpdateAsync(Samples.EntryUuid, new PasswordEntryRequest { Domain = "example.org", Notes = "" });
        await h.Client.ForIdentity(WireHarness.IdentityUuid).Passwords.UpdateAsync(Samples.EntryUuid, new PasswordEntryRequest { Domain = "example.net" });

        var requests = h.AllRequests(3);
        RequestAssert.Api(requests[0], HttpMethod.Put, ItemPath, identity: true, json: """{"domain":"example.org","notes":""}""");
        RequestAssert.Api(requests[1], HttpMethod.Patch, ItemPath, identity: true, json: """{"domain":"example.org","notes":""}""");
        RequestAssert.Api(requests[2], HttpMethod.Patch, ItemPath, identity: true, json: """{"domain":"example.net"}""");
        ModelAssert.Equivalent(Samples.Password(), updated);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Update_does_not_patch_after_other_errors(HttpStatusCode status)
    {
        using var h = new WireHarness();
        h.Expect(HttpMethod.Put, ItemPath).Respond(status, "application/json", """{"detail":"no"}""");

        await Assert.ThrowsAnyAsync<RaviApiException>(() =>
            h.Scoped.Passwords.UpdateAsync(Samples.EntryUuid, new PasswordEntryRequest { Domain = "example.org" }));

        h.SingleRequest();
    }

    [Fact]
    public async Task A_patch_that_fails_after_405_surfaces_the_patch_error()
    {
        using var h = new WireHarness();
        h.Expect(HttpMethod.Put, ItemPath).Respond(HttpStatusCode.MethodNotAllowed, "application/json", NotAllowedJson);
        h.Expect(HttpMethod.Patch, ItemPath).Respond(HttpStatusCode.NotFound, "application/json", NotFoundJson);

        await Assert.ThrowsAsync<RaviNotFoundException>(() =>
            h.Scoped.Passwords.UpdateAsync(Samples.EntryUuid, new PasswordEntryRequest { Domain = "example.org" }));

        h.AllRequests(2);
    }
}

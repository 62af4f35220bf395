using System.Net;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>Identities through the SDK: create, list, get, rename, delete, and the conflict and not-found errors.</summary>
public abstract class IdentitiesTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : IdentitiesTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : IdentitiesTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    [Fact]
    public async Task Create_list_get_rename_and_delete_round_trip()
    {
        var client = CreateClient();

        var created = await client.Identities.CreateAsync("crud-agent");
        var listed = await client.Identities.ListAsync().ToListAsync();
        Assert.Equal([Server.Identity.Uuid, created.Uuid], listed.Select(i => i.Uuid));
        Assert.Equal(created, Assert.Single(listed, i => i.Uuid == created.Uuid));

        var fetched = await client.Identities.GetAsync(created.Uuid);
        Assert.Equal(created, fetched);

        var renamed = await client.Identities.UpdateAsync(created.Uuid, "crud-agent-2");
        Assert.Equal(created.Uuid, renamed.Uuid);
        Assert.Equal("crud-agent-2", renamed.Name);
        Assert.Equal(created.PhoneNumber, renamed.PhoneNumber);
        Assert.Equal("crud-agent-2", (await client.Identities.GetAsync(created.Uuid)).Name);

        await client.Identities.DeleteAsync(created.Uuid);
        var gone = await Assert.ThrowsAsync<RaviNotFoundException>(() => client.Identities.GetAsync(created.Uuid));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("not_found", gone.Code);
        Assert.DoesNotContain(await client.Identities.ListAsync().ToListAsync(), i => i.Uuid == created.Uuid);
        Assert.Equal([201, 200, 200, 200, 200, 204, 404, 200], Server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_duplicate_name_is_a_RaviConflictException_and_is_not_retried()
    {
        var client = CreateClient();
        await client.Identities.CreateAsync("taken");

        var conflict = await Assert.ThrowsAsync<RaviConflictException>(() => client.Identities.CreateAsync("taken"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("taken", conflict.Detail, StringComparison.Ordinal);

        var other = await client.Identities.CreateAsync("other");
        await Assert.ThrowsAsync<RaviConflictException>(() => client.Identities.UpdateAsync(other.Uuid, "taken"));
        Assert.Equal([201, 409, 201], RequestsTo("POST", "/api/identities/").Select(r => r.StatusCode));
        Assert.Equal([409], RequestsTo("PUT", $"/api/identities/{other.Uuid}/").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Unknown_uuids_are_RaviNotFoundException_on_every_resource()
    {
        var agent = CreateIdentityClient();
        var unknown = Guid.NewGuid().ToString("D");

        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.Identities.GetAsync(unknown));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.Identities.DeleteAsync(unknown));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.Passwords.GetAsync(unknown));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.Vault.GetAsync(unknown));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.Vault.DeleteAsync(unknown));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.EmailMessages.GetAsync(987654));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.SmsMessages.GetAsync(987654));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.EmailInbox.GetThreadAsync("thread-none"));
        await Assert.ThrowsAsync<RaviNotFoundException>(() => agent.SmsInbox.GetConversationAsync("conv-none"));

        // 404 is final: each call reached the server exactly once.
        Assert.Equal(9, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal(404, r.StatusCode));
    }
}

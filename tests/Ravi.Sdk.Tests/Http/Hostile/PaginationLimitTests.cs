namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>Item 4 of issue 10: a server that hands out a new <c>next</c> link forever cannot keep a list going forever.</summary>
public sealed class PaginationLimitTests
{
    private static HostileServer EndlessPages(string itemJson = "") => HostileServer.Start(HostileServer.Api, x =>
    {
        var page = x.Request.Target.Contains("page=", StringComparison.Ordinal) ? int.Parse(x.Request.Target.Split("page=")[1]) : 1;
        return x.RespondAsync(200, $$"""{"count":null,"next":"/api/vault/?page={{page + 1}}","previous":null,"results":[{{itemJson}}]}""");
    });

    [Fact]
    public void The_default_page_cap_is_1000()
    {
        Assert.Equal(1000, new RaviClientOptions().MaxPages);
    }

    [Fact]
    public async Task A_lookup_over_endless_pages_stops_at_the_page_cap_with_a_typed_error()
    {
        await using var api = EndlessPages();
        using var client = HostileClients.Create(api, o => o.MaxPages = 25);

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).Vault.GetByKeyAsync("MISSING"));

        var cap = Assert.IsType<RaviPageLimitException>(ex);
        Assert.Equal(25, cap.MaxPages);
        Assert.Contains("MaxPages", ex.Message, StringComparison.Ordinal);
        Assert.Equal(25, api.Requests.Count);
    }

    [Fact]
    public async Task The_default_cap_ends_an_endless_listing()
    {
        await using var api = EndlessPages();
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).Vault.ListAsync().ToListAsync().AsTask(), seconds: 60);

        Assert.IsType<RaviPageLimitException>(ex);
        Assert.Equal(1000, api.Requests.Count);
    }

    [Fact]
    public async Task Items_of_the_pages_before_the_cap_are_delivered()
    {
        await using var api = EndlessPages("""{"uuid":"3f2b8c1e-3333-4222-8333-944455556666","key":"K","value":"v"}""");
        using var client = HostileClients.Create(api, o => o.MaxPages = 3);
        var seen = 0;

        var ex = await HostileClients.Failure(async () =>
        {
            await foreach (var _ in client.ForIdentity(HostileClients.Identity).Vault.ListAsync())
            {
                seen++;
            }
        });

        Assert.IsType<RaviPageLimitException>(ex);
        Assert.Equal(3, seen);
    }
}

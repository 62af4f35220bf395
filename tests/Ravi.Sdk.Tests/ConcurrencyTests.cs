namespace Ravi.Sdk.Tests;

/// <summary>One client, 100 identity views used in parallel: no request carries another view's identity, and every response lands with its own view.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Hundred_identities_in_parallel_never_cross_headers_or_results()
    {
        var server = new PerIdentityServer();
        using var http = new HttpClient(server);
        using var client = new RaviClient(http, new RaviClientOptions
        {
            BaseAddress = new Uri("https://ravi.test/"),
            AccessToken = "tok",
            UseCliConfiguration = false,
            MaxRetries = 0,
        });
        var identities = Enumerable.Range(1, 100).Select(PerIdentityServer.IdentityOf).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var work = identities.Select(identity => Task.Run(async () =>
        {
            await start.Task;
            var view = client.ForIdentity(identity);
            var listed = await view.Vault.ListAsync().ToListAsync();
            var secret = await view.Vault.GetAsync(PerIdentityServer.SecretOf(identity));
            var phones = await client.ForIdentity(identity).Phone.ListAsync().ToListAsync();
            var byKey = await view.Vault.GetByKeyAsync("KEY_" + identity[..8]);
            return (identity, listed, secret, phones, byKey);
        })).ToList();
        var accountLevel = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await client.Identities.ListAsync().ToListAsync();
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(work);
        await Task.WhenAll(accountLevel);

        Assert.Empty(server.Violations);
        Assert.Equal((100 * 5) + 20, server.Requests.Count);
        foreach (var (identity, listed, secret, phones, byKey) in results)
        {
            Assert.Equal(identity, Assert.Single(listed).IdentityUuid);
            Assert.Equal(PerIdentityServer.SecretOf(identity), secret.Uuid);
            Assert.Equal(identity, secret.IdentityUuid);
            Assert.Equal("value-of-" + identity, secret.Value);
            Assert.Equal("+1555" + identity[..8], Assert.Single(phones).PhoneNumber);
            Assert.NotNull(byKey);
            Assert.Equal("value-of-" + identity, byKey.Value);
        }

        Assert.Equal(100, server.Requests.Where(r => r.Path == "/api/phone/").Select(r => r.Identity).Distinct().Count());
    }
}

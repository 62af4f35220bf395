using Ravi.Sdk.Models;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Tests.PublicSurface;

/// <summary>Users can fake the SDK in their own tests without a mocking library: derive, override the virtual members, build the immutable models with object initializers.</summary>
public sealed class MockabilityTests
{
    private sealed class FakeIdentities : IdentitiesClient
    {
        public List<string> Calls { get; } = [];

        public override Task<Identity> GetAsync(string identityUuid, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        {
            Calls.Add("get " + identityUuid);
            return Task.FromResult(new Identity { Uuid = identityUuid, Name = "fake-agent", Inbox = "fake-agent@in.ravi.app" });
        }

        public override RaviAsyncPageable<Identity> ListAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        {
            Calls.Add("list");
            return RaviAsyncPageable.FromValues([new Identity { Uuid = "u1", Name = "one" }, new Identity { Uuid = "u2", Name = "two" }]);
        }
    }

    private sealed class FakeVault : VaultClient
    {
        public override Task<VaultSecret?> GetByKeyAsync(string key, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<VaultSecret?>(key == "API_KEY" ? new VaultSecret { Uuid = "s1", Key = key, Value = "sk-fake" } : null);
    }

    private sealed class FakeRaviClient : RaviClient
    {
        private readonly string? _identity;

        public FakeRaviClient(string? identity = null) => _identity = identity;

        public FakeIdentities FakeIdentitiesClient { get; } = new();

        public override IdentitiesClient Identities => FakeIdentitiesClient;

        public override VaultClient Vault { get; } = new FakeVault();

        public override string? IdentityUuid => _identity;

        public override RaviClient ForIdentity(string identityUuid) => new FakeRaviClient(identityUuid);
    }

    /// <summary>Code under test: uses the SDK only through its public surface.</summary>
    private static async Task<string> DescribeAsync(RaviClient client, string identityUuid)
    {
        var identity = await client.Identities.GetAsync(identityUuid);
        var key = await client.ForIdentity(identityUuid).Vault.GetByKeyAsync("API_KEY");
        var count = await client.Identities.ListAsync().CountAsync();
        return $"{identity.Name} <{identity.Inbox}> key={key?.Value} of {count}";
    }

    [Fact]
    public async Task Derived_sub_clients_and_client_replace_the_network()
    {
        var fake = new FakeRaviClient();

        var text = await DescribeAsync(fake, "5a0e8c1f-3b2d-4e6a-9f10-7c2b1d4e5f60");

        Assert.Equal("fake-agent <fake-agent@in.ravi.app> key=sk-fake of 2", text);
        Assert.Equal(["get 5a0e8c1f-3b2d-4e6a-9f10-7c2b1d4e5f60", "list"], fake.FakeIdentitiesClient.Calls);
    }

    [Fact]
    public void A_mock_client_that_does_not_override_a_member_fails_clearly()
    {
        using var fake = new FakeRaviClient();

        var ex = Assert.Throws<InvalidOperationException>(() => fake.Passwords);

        Assert.Contains("mocking", ex.Message, StringComparison.Ordinal);
        Assert.Equal("RaviClient (mock)", fake.ToString());
    }
}

using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

/// <summary>One fresh server per test (start-up takes milliseconds), with a caller scoped to the seeded identity.</summary>
public abstract class ServerTestBase : IAsyncLifetime, IDisposable
{
    protected RaviTestServer Server { get; private set; } = null!;

    /// <summary>Calls with the seeded user's token and <c>X-Ravi-Identity</c> of the seeded identity.</summary>
    internal ServerApi Api { get; private set; } = null!;

    protected virtual RaviTestServerOptions CreateOptions() => new();

    public async Task InitializeAsync()
    {
        Server = await RaviTestServer.StartAsync(CreateOptions());
        Api = new ServerApi(Server, identity: Server.Options.IdentityName is null ? null : Server.Identity.Uuid);
    }

    public async Task DisposeAsync()
    {
        var errors = Server.UnhandledErrors;
        await Server.DisposeAsync();
        Assert.Empty(errors);
    }

    public void Dispose()
    {
        Api?.Dispose();
        GC.SuppressFinalize(this);
    }
}

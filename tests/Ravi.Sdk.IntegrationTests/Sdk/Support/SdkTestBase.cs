using System.Diagnostics;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk.Support;

/// <summary>
/// One fresh <see cref="RaviTestServer"/> per test (in the class's <see cref="Dialect"/>) and SDK clients wired to it over real loopback HTTP. Clients never read the
/// machine's CLI configuration, retry after a few milliseconds instead of seconds, and are disposed with the test; the
/// server must end the test without unhandled errors.
/// </summary>
public abstract class SdkTestBase : IAsyncLifetime
{
    private readonly List<RaviClient> _clients = [];

    protected RaviTestServer Server { get; private set; } = null!;

    /// <summary>The seeded identity's UUID.</summary>
    protected string IdentityUuid => Server.Identity.Uuid;

    /// <summary>The API variant the server speaks: every test class runs once per dialect (nested <c>DocumentedDialect</c> and <c>CliDialect</c>).</summary>
    protected virtual RaviTestServerDialect Dialect => RaviTestServerDialect.Documented;

    /// <summary>Whether the server speaks the CLI dialect.</summary>
    protected bool IsCli => Dialect == RaviTestServerDialect.Cli;

    protected virtual RaviTestServerOptions CreateServerOptions() => new();

    public async Task InitializeAsync()
    {
        var options = CreateServerOptions();
        options.Dialect = Dialect;
        Server = await RaviTestServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        var errors = Server.UnhandledErrors;
        await Server.DisposeAsync();
        Assert.Empty(errors);
    }

    /// <summary>Options for a client of <see cref="Server"/> signed in as the seeded user (tokens from the server).</summary>
    protected RaviClientOptions ClientOptions() => new()
    {
        BaseAddress = Server.BaseAddress,
        AccessToken = Server.AccessToken,
        RefreshToken = Server.RefreshToken,
        UseCliConfiguration = false,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(15),
        OverallTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>An account-level client (disposed with the test).</summary>
    protected RaviClient CreateClient(Action<RaviClientOptions>? configure = null)
    {
        var options = ClientOptions();
        configure?.Invoke(options);
        return TrackForDisposal(new RaviClient(options));
    }

    /// <summary>Disposes <paramref name="client"/> with the test.</summary>
    protected RaviClient TrackForDisposal(RaviClient client)
    {
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>A client scoped to the seeded identity (a view of a new root client).</summary>
    protected RaviClient CreateIdentityClient(Action<RaviClientOptions>? configure = null) => CreateClient(configure).ForIdentity(IdentityUuid);

    /// <summary>The requests the server received with this method and exact path.</summary>
    protected IReadOnlyList<RaviRecordedRequest> RequestsTo(string method, string path) =>
        [.. Server.Requests.Where(r => r.Method == method && r.Path == path)];

    /// <summary>The requests the server received with this method and a path starting with <paramref name="prefix"/>.</summary>
    protected IReadOnlyList<RaviRecordedRequest> RequestsUnder(string method, string prefix) =>
        [.. Server.Requests.Where(r => r.Method == method && r.Path.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Waits (polling every few ms) until <paramref name="condition"/> holds; fails after <paramref name="timeout"/>.</summary>
    protected static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(5);
        }
    }
}

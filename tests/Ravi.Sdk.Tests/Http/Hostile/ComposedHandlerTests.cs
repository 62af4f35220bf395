using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>
/// Item 10 of issue 10: handlers users add to the builder <c>AddRavi</c> returns (they run under the SDK's chain) cannot
/// send an email twice; the factory's own HttpClient logging is removed; the factory's transport follows no redirect.
/// </summary>
public sealed class ComposedHandlerTests
{
    private static ServiceProvider Services(HostileServer api, Action<IHttpClientBuilder>? configure = null, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        var builder = services.AddRavi(o =>
        {
            o.BaseAddress = api.BaseAddress;
            o.AccessToken = HostileClients.Token;
            o.UseCliConfiguration = false;
            o.RetryBaseDelay = TimeSpan.Zero;
        });
        configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    private static void StandardResilience(IHttpClientBuilder builder) =>
        builder.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1)); // the defaults, minus 2 s waits

    [Fact]
    public async Task A_standard_resilience_handler_under_AddRavi_cannot_send_an_email_twice()
    {
        var composes = 0;
        await using var api = HostileServer.Start(HostileServer.Api, x =>
            Interlocked.Increment(ref composes) == 1
                ? x.RespondAsync(500, """{"detail":"sent, then crashed"}""") // executed, then 500
                : x.RespondAsync(200, HostileClients.MessageJson));
        await using var sp = Services(api, StandardResilience);
        var client = sp.GetRequiredService<RaviClient>().ForIdentity(HostileClients.Identity);

        var ex = await HostileClients.Failure(() => client.EmailMessages.ComposeAsync(HostileClients.Email));

        Assert.Equal(1, Volatile.Read(ref composes));
        Assert.IsAssignableFrom<RaviException>(ex);
        Assert.Contains("AddRavi", ex.Message, StringComparison.Ordinal); // says where the replaying handler sits
    }

    [Fact]
    public async Task A_standard_resilience_handler_under_AddRavi_still_retries_a_get()
    {
        var requests = 0;
        await using var api = HostileServer.Start(HostileServer.Api, x =>
            Interlocked.Increment(ref requests) == 1
                ? x.RespondAsync(503, """{"detail":"busy"}""")
                : x.RespondAsync(200, "[" + HostileClients.IdentityJson + "]"));
        await using var sp = Services(api, StandardResilience);

        var identities = await HostileClients.Within(sp.GetRequiredService<RaviClient>().Identities.ListAsync().ToListAsync().AsTask());

        Assert.Single(identities);
        Assert.Equal(2, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task The_factory_default_HttpClient_logging_is_removed_for_the_ravi_client()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, "[]"));
        var logs = new CapturingLoggerProvider();
        await using var sp = Services(api, logs: logs);

        await HostileClients.Within(sp.GetRequiredService<RaviClient>().Identities.ListAsync().ToListAsync().AsTask());

        Assert.DoesNotContain(logs.Lines, l => l.Contains(" System.Net.Http.HttpClient.", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains(" Ravi.Sdk.Http ", StringComparison.Ordinal)); // the SDK's own lines stay
    }

    [Fact]
    public async Task The_factory_transport_follows_no_redirect_to_another_host()
    {
        await using var foreign = HostileServer.Start(HostileServer.Foreign, x => x.RespondAsync(200, "[]"));
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RedirectAsync(302, foreign.Url("api/identities/")));
        await using var sp = Services(api);

        var ex = await HostileClients.Failure(() => sp.GetRequiredService<RaviClient>().Identities.ListAsync().ToListAsync().AsTask());

        Assert.IsType<RaviRedirectException>(ex);
        Assert.Empty(foreign.Requests);
    }
}

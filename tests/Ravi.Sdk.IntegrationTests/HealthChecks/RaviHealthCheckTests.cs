using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.HealthChecks;

/// <summary>
/// <c>services.AddHealthChecks().AddRavi()</c> against a real <see cref="RaviTestServer"/>, run through the host's own
/// <see cref="HealthCheckService"/>: one GET to <c>/api/auth/user/</c>, never a send; the status mapping; named clients;
/// the timeout; and no credential in anything the report holds.
/// </summary>
public sealed class RaviHealthCheckTests : IAsyncLifetime
{
    private RaviTestServer _server = null!;

    public async Task InitializeAsync() => _server = await RaviTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Healthy_with_one_get_of_the_current_user_and_nothing_sent()
    {
        await using var provider = Build(services => services.AddRavi(o => Configure(o, _server.AccessToken)), checks => checks.AddRavi());

        var entry = await CheckAsync(provider, "ravi");

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal($"The Ravi API at {Origin()} answered and accepted the credentials.", entry.Description);
        Assert.Equal(Origin(), entry.Data["base_address"]);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("GET", "/api/auth/user/"), (request.Method, request.Path));
        Assert.Equal($"Bearer {_server.AccessToken}", request.Header("Authorization"));
        Assert.Empty(_server.SentEmails);
        AssertNoSecret(entry, _server.AccessToken, _server.RefreshToken);
    }

    [Fact]
    public async Task A_rejected_token_is_unhealthy_and_the_token_appears_nowhere_in_the_report()
    {
        const string wrong = "ravi_wrong_token_0123456789abcdef";
        await using var provider = Build(services => services.AddRavi(o => Configure(o, wrong)), checks => checks.AddRavi());

        var entry = await CheckAsync(provider, "ravi");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith($"The Ravi API at {Origin()} rejected the credentials (401)", entry.Description, StringComparison.Ordinal);
        Assert.Equal(401, entry.Data["status_code"]);
        Assert.Equal(nameof(RaviAuthenticationException), entry.Data["error_type"]);
        Assert.IsType<RaviAuthenticationException>(entry.Exception);
        Assert.All(_server.Requests, r => Assert.Equal("GET", r.Method));
        AssertNoSecret(entry, wrong);
    }

    [Fact]
    public async Task An_unreachable_api_is_unhealthy()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: connections are refused
        var address = new Uri($"http://127.0.0.1:{port}/");
        await using var provider = Build(
            services => services.AddRavi(o =>
            {
                Configure(o, _server.AccessToken);
                o.BaseAddress = address;
                o.MaxRetries = 0;
            }),
            checks => checks.AddRavi());

        var entry = await CheckAsync(provider, "ravi");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith($"The Ravi API at http://127.0.0.1:{port} could not be reached: ", entry.Description, StringComparison.Ordinal);
        Assert.Equal(nameof(RaviConnectionException), entry.Data["error_type"]);
        AssertNoSecret(entry, _server.AccessToken);
    }

    [Fact]
    public async Task Rate_limiting_is_degraded_with_the_retry_delay()
    {
        _server.FailNext(5, 429, retryAfterSeconds: 30, pathPrefix: "/api/auth/user/");
        await using var provider = Build(
            services => services.AddRavi(o =>
            {
                Configure(o, _server.AccessToken);
                o.MaxRetries = 0;
            }),
            checks => checks.AddRavi(failureStatus: HealthStatus.Unhealthy));

        var entry = await CheckAsync(provider, "ravi");

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal($"The Ravi API at {Origin()} is reachable but rate-limits this client (429); retry after 30 s.", entry.Description);
        Assert.Equal(429, entry.Data["status_code"]);
        Assert.Equal(30d, entry.Data["retry_after_seconds"]);
    }

    [Fact]
    public async Task A_named_client_is_checked_with_its_own_credentials_and_the_failure_status_is_the_registrations()
    {
        var apiKey = _server.CreateApiKey();
        await using var provider = Build(
            services =>
            {
                services.AddRavi(o => Configure(o, "ravi_revoked_default_token"));
                services.AddRavi("ops", o => Configure(o, apiKey));
            },
            checks => checks.AddRavi(failureStatus: HealthStatus.Degraded).AddRavi("ops", tags: ["ready"]));

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(["ravi", "ravi:ops"], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HealthStatus.Degraded, report.Entries["ravi"].Status); // rejected, reported with the chosen failure status
        var ops = report.Entries["ravi:ops"];
        Assert.Equal(HealthStatus.Healthy, ops.Status);
        Assert.Equal("ops", ops.Data["client"]);
        Assert.Equal(["ready"], ops.Tags);
        Assert.Contains(_server.Requests, r => r.Header("Authorization") == $"Bearer {apiKey}");
        AssertNoSecret(ops, apiKey);
        AssertNoSecret(report.Entries["ravi"], "ravi_revoked_default_token");
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_unhealthy()
    {
        var time = new ObservableTimeProvider();
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { TimeProvider = time });
        server.DelayNext(1, TimeSpan.FromHours(1), pathPrefix: "/api/auth/user/");
        await using var provider = Build(
            services => services.AddRavi(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.AccessToken = server.AccessToken;
                o.UseCliConfiguration = false;
                o.TimeProvider = time;
                o.AttemptTimeout = Timeout.InfiniteTimeSpan; // only the health check's own timeout is in play
                o.OverallTimeout = Timeout.InfiniteTimeSpan;
            }),
            checks => checks.AddRavi(timeout: TimeSpan.FromSeconds(5)));

        var check = provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await time.WaitUntilArmedAsync(TimeSpan.FromHours(1)); // the server holds the request; then move the clock
        Assert.False(check.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var entry = (await check.WaitAsync(TimeSpan.FromSeconds(30))).Entries["ravi"];

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal($"The Ravi API at {server.BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)} did not answer within 5 s.", entry.Description);
    }

    [Fact]
    public async Task Without_AddRavi_the_check_says_what_to_register()
    {
        await using var provider = Build(_ => { }, checks => checks.AddRavi("billing"));

        var entry = await CheckAsync(provider, "ravi:billing");

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("No Ravi client is registered under the name 'billing': call services.AddRavi(\"billing\", …) as well.", entry.Description);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void A_timeout_that_is_not_positive_is_refused_at_registration()
    {
        var checks = new ServiceCollection().AddHealthChecks();
        Assert.Throws<ArgumentOutOfRangeException>(() => checks.AddRavi(timeout: TimeSpan.Zero));
    }

    private void Configure(RaviClientOptions options, string token)
    {
        options.BaseAddress = _server.BaseAddress;
        options.AccessToken = token;
        options.UseCliConfiguration = false;
    }

    private string Origin() => _server.BaseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    private static ServiceProvider Build(Action<IServiceCollection> ravi, Action<IHealthChecksBuilder> checks)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        ravi(services);
        checks(services.AddHealthChecks());
        return services.BuildServiceProvider();
    }

    private static async Task<HealthReportEntry> CheckAsync(ServiceProvider provider, string name)
    {
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return Assert.Single(report.Entries, e => e.Key == name).Value;
    }

    private static void AssertNoSecret(HealthReportEntry entry, params string?[] secrets)
    {
        var everything = string.Join("\n", [entry.Description ?? "", entry.Exception?.ToString() ?? "", .. entry.Data.Select(d => $"{d.Key}={d.Value}")]);
        foreach (var secret in secrets.OfType<string>())
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }
}

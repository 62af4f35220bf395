using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests;

/// <summary>
/// Item 9 of issue 12: user options apart from the resolved settings, reloads under DI (rotated tokens apply without a
/// restart, the rest waits for one), and the start-up check for a credential source.
/// </summary>
public sealed class OptionsReloadTests : IDisposable
{
    private const string Identity = WireHarness.IdentityUuid;
    private readonly string _dir = Directory.CreateTempSubdirectory("ravi-reload-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Changing_the_options_after_the_client_is_built_changes_nothing()
    {
        var (recorder, mock) = NewTransport();
        mock.When("https://ravi.test/api/identities/").Respond("application/json", "[]");
        var options = new RaviClientOptions
        {
            BaseAddress = new Uri("https://ravi.test/"),
            AccessToken = "first-token",
            ApplicationId = "first/1.0",
            IdentityUuid = Identity,
            UseCliConfiguration = false,
        };
        using var http = new HttpClient(recorder);
        using var client = new RaviClient(http, options);

        options.BaseAddress = new Uri("https://elsewhere.test/");
        options.AccessToken = "second-token";
        options.ApplicationId = "second/2.0";
        options.IdentityUuid = "3f2b8c1e-7777-4222-8333-944455556666";
        options.MaxRetries = -1; // not even an invalid value reaches the client
        await client.Identities.ListAsync().ToListAsync();

        var request = Assert.Single(recorder.Requests);
        Assert.Equal("https://ravi.test/api/identities/", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer first-token", request.Header("Authorization"));
        Assert.StartsWith("first/1.0 Ravi.Sdk/", request.Header("User-Agent"));
        Assert.Equal(Identity, client.IdentityUuid);
        Assert.Equal(new Uri("https://ravi.test/"), client.BaseAddress);
    }

    [Fact]
    public async Task Changing_the_monitored_options_instance_after_the_di_client_is_built_changes_nothing()
    {
        var (recorder, mock) = NewTransport();
        mock.When("https://ravi.test/api/identities/").Respond("application/json", "[]");
        var services = new ServiceCollection();
        services.AddRavi(o => Account(o, "first-token")).ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredService<RaviClient>();

        var shared = sp.GetRequiredService<IOptionsMonitor<RaviClientOptions>>().CurrentValue;
        shared.AccessToken = "mutated-token";
        shared.BaseAddress = new Uri("https://elsewhere.test/");
        await client.Identities.ListAsync().ToListAsync();

        Assert.Equal("Bearer first-token", Assert.Single(recorder.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_token_rotated_in_configuration_is_sent_on_the_next_call_without_a_restart_and_other_changes_wait()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ravi:BaseAddress"] = "https://ravi.test/",
            ["Ravi:AccessToken"] = "first-token",
            ["Ravi:UseCliConfiguration"] = "false",
        }).Build();
        var (recorder, mock) = NewTransport();
        mock.When("https://ravi.test/api/identities/").Respond("application/json", "[]");
        var services = new ServiceCollection();
        services.AddRavi(configuration.GetSection("Ravi")).ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredService<RaviClient>();
        await client.Identities.ListAsync().ToListAsync();

        configuration["Ravi:AccessToken"] = "rotated-token";
        configuration["Ravi:BaseAddress"] = "https://elsewhere.test/"; // built into the handlers: needs a restart
        configuration.Reload();
        await client.Identities.ListAsync().ToListAsync();

        // An unrelated reload (nothing about the tokens changed) leaves the credential alone.
        configuration["Ravi:MaxPages"] = "7";
        configuration.Reload();
        await client.Identities.ListAsync().ToListAsync();

        Assert.Same(client, sp.GetRequiredService<RaviClient>());
        Assert.Equal(["Bearer first-token", "Bearer rotated-token", "Bearer rotated-token"], recorder.Requests.Select(r => r.Header("Authorization")));
        Assert.All(recorder.Requests, r => Assert.Equal("https://ravi.test/api/identities/", r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task A_refresh_token_rotated_in_configuration_is_the_one_the_next_renewal_spends()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ravi:BaseAddress"] = "https://ravi.test/",
            ["Ravi:AccessToken"] = "expired-access",
            ["Ravi:RefreshToken"] = "first-refresh",
            ["Ravi:UseCliConfiguration"] = "false",
            ["Ravi:MaxRetries"] = "0",
        }).Build();
        var (recorder, mock) = NewTransport();
        mock.When("https://ravi.test/api/identities/").WithHeaders("Authorization", "Bearer renewed-access").Respond("application/json", "[]");
        mock.When("https://ravi.test/api/identities/").Respond(System.Net.HttpStatusCode.Unauthorized, "application/json", """{"detail":"expired"}""");
        mock.When(HttpMethod.Post, "https://ravi.test/api/auth/token/refresh/").Respond("application/json", """{"access_token":"renewed-access"}""");
        var services = new ServiceCollection();
        services.AddRavi(configuration.GetSection("Ravi")).ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredService<RaviClient>();
        _ = client.IdentityUuid; // the client exists before the rotation

        configuration["Ravi:RefreshToken"] = "rotated-refresh";
        configuration.Reload();
        await client.Identities.ListAsync().ToListAsync();

        var refresh = Assert.Single(recorder.Requests, r => r.Uri.AbsolutePath == "/api/auth/token/refresh/");
        Assert.Equal("""{"refresh":"rotated-refresh"}""", refresh.BodyText);
        Assert.Equal("Bearer renewed-access", recorder.Requests[^1].Header("Authorization"));
    }

    [Fact]
    public void A_host_with_no_credential_source_fails_at_start_saying_what_to_set()
    {
        var services = new ServiceCollection();
        services.AddRavi(o =>
        {
            o.BaseAddress = new Uri("https://ravi.test/");
            o.UseCliConfiguration = false;
        });
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Ravi (default): no credential source", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AccessToken", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Credential", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseCliConfiguration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_relies_on_the_cli_files_starts_before_ravi_login_and_signs_in_once_they_exist()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RAVI_ACCESS_TOKEN")), "this test needs RAVI_ACCESS_TOKEN unset");
        var (recorder, mock) = NewTransport();
        mock.When("https://ravi.test/api/identities/").Respond("application/json", "[]");
        var services = new ServiceCollection();
        services.AddRavi(o =>
        {
            o.BaseAddress = new Uri("https://ravi.test/");
            o.ConfigDirectory = _dir; // empty: `ravi login` has not run yet
            o.IdentityUuid = Identity;
        }).ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();

        sp.GetRequiredService<IStartupValidator>().Validate();
        var client = sp.GetRequiredService<RaviClient>();
        Assert.Empty(recorder.Requests);

        await File.WriteAllTextAsync(Path.Combine(_dir, "auth.json"), """{"access_token":"from-ravi-login"}""");
        await client.Identities.ListAsync().ToListAsync();

        Assert.Equal("Bearer from-ravi-login", Assert.Single(recorder.Requests).Header("Authorization"));
    }

    private static void Account(RaviClientOptions o, string token)
    {
        o.BaseAddress = new Uri("https://ravi.test/");
        o.AccessToken = token;
        o.UseCliConfiguration = false;
    }

    private static (RequestRecorder Recorder, MockHttpMessageHandler Mock) NewTransport()
    {
        var mock = new MockHttpMessageHandler();
        mock.Fallback.Throw(new UnexpectedRequestException());
        return (new RequestRecorder(mock), mock);
    }
}

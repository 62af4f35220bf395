using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.DependencyInjection;

/// <summary><c>services.AddRavi(…)</c>: options, binding, validation, named/keyed clients, host handlers, lifetime.</summary>
public sealed class DependencyInjectionTests
{
    private const string Identity = WireHarness.IdentityUuid;

    [Fact]
    public async Task AddRavi_resolves_one_singleton_client_that_uses_the_options_and_the_primary_handler()
    {
        var (recorder, mock) = NewTransport();
        mock.Expect(HttpMethod.Get, "https://di.test/api/vault/").Respond("application/json", "[]");
        var services = new ServiceCollection();
        services.AddRavi(o =>
            {
                o.BaseAddress = new Uri("https://di.test/");
                o.AccessToken = "di-token";
                o.IdentityUuid = Identity;
                o.ApplicationId = "my-agent/1.2";
                o.UseCliConfiguration = false;
            })
            .ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();

        var client = sp.GetRequiredService<RaviClient>();
        await client.Vault.ListAsync().ToListAsync();

        Assert.Same(client, sp.GetRequiredService<RaviClient>());
        Assert.Same(client, sp.GetRequiredService<IRaviClientFactory>().CreateClient(Options.DefaultName));
        Assert.Same(client, sp.GetRequiredKeyedService<RaviClient>(Options.DefaultName));
        Assert.Equal(Identity, client.IdentityUuid);
        var request = Assert.Single(recorder.Requests);
        Assert.Equal("https://di.test/api/vault/", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer di-token", request.Header("Authorization"));
        Assert.Equal(Identity, request.Header("X-Ravi-Identity"));
        Assert.StartsWith("my-agent/1.2 Ravi.Sdk/", request.Header("User-Agent"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task AddRavi_from_configuration_binds_every_option()
    {
        var values = new Dictionary<string, string?>
        {
            ["Ravi:BaseAddress"] = "https://cfg.test/",
            ["Ravi:AccessToken"] = "cfg-token",
            ["Ravi:RefreshToken"] = "cfg-refresh",
            ["Ravi:IdentityUuid"] = Identity,
            ["Ravi:UseCliConfiguration"] = "false",
            ["Ravi:ConfigDirectory"] = "/tmp/ravi-cfg",
            ["Ravi:TokenRefreshSkew"] = "00:02:00",
            ["Ravi:ApplicationId"] = "cfg-app/2.0",
            ["Ravi:AttemptTimeout"] = "00:00:12",
            ["Ravi:OverallTimeout"] = "00:03:00",
            ["Ravi:MaxRetries"] = "5",
            ["Ravi:MaxPages"] = "50",
            ["Ravi:MaxResponseBytes"] = "1048576",
            ["Ravi:RetryBaseDelay"] = "00:00:00.250",
            ["Ravi:MaxRetryDelay"] = "00:00:30",
            ["Ravi:EnableSendLimiter"] = "true",
            ["Ravi:StoreKeysForCli"] = "true",
            ["Ravi:argon2implementation"] = "managed", // keys and enum values are case-insensitive
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var (recorder, mock) = NewTransport();
        mock.Expect(HttpMethod.Get, "https://cfg.test/api/phone/").Respond("application/json", "[]");
        var services = new ServiceCollection();
        services.AddRavi(configuration.GetSection("Ravi")).ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();

        var o = sp.GetRequiredService<IOptions<RaviClientOptions>>().Value;

        Assert.Equal(new Uri("https://cfg.test/"), o.BaseAddress);
        Assert.Equal("cfg-token", o.AccessToken);
        Assert.Equal("cfg-refresh", o.RefreshToken);
        Assert.Equal(Identity, o.IdentityUuid);
        Assert.False(o.UseCliConfiguration);
        Assert.Equal("/tmp/ravi-cfg", o.ConfigDirectory);
        Assert.Equal(TimeSpan.FromMinutes(2), o.TokenRefreshSkew);
        Assert.Equal("cfg-app/2.0", o.ApplicationId);
        Assert.Equal(TimeSpan.FromSeconds(12), o.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(3), o.OverallTimeout);
        Assert.Equal(5, o.MaxRetries);
        Assert.Equal(50, o.MaxPages);
        Assert.Equal(1048576, o.MaxResponseBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), o.MaxRetryDelay);
        Assert.True(o.EnableSendLimiter);
        Assert.True(o.StoreKeysForCli);
        Assert.Equal(RaviArgon2Implementation.Managed, o.Argon2Implementation);

        // Every bindable option must be covered here and differ from its default, so a new option the binder misses fails this test.
        var defaults = new RaviClientOptions();
        var bindable = typeof(RaviClientOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name is not (nameof(RaviClientOptions.TimeProvider) or nameof(RaviClientOptions.LoggerFactory) or nameof(RaviClientOptions.Credential)))
            .ToList();
        Assert.Equal(
            bindable.Select(p => p.Name.ToUpperInvariant()).Order(),
            values.Keys.Select(k => k["Ravi:".Length..].ToUpperInvariant()).Order());
        foreach (var property in bindable)
        {
            Assert.False(Equals(property.GetValue(defaults), property.GetValue(o)), $"{property.Name} was not bound");
        }

        // …and the client uses them.
        await sp.GetRequiredService<RaviClient>().Phone.ListAsync().ToListAsync();
        var request = Assert.Single(recorder.Requests);
        Assert.Equal("Bearer cfg-token", request.Header("Authorization"));
        Assert.Equal(Identity, request.Header("X-Ravi-Identity"));
        Assert.StartsWith("cfg-app/2.0 Ravi.Sdk/", request.Header("User-Agent"));
    }

    [Theory]
    [InlineData("MaxRetries", "lots")]
    [InlineData("AttemptTimeout", "soon")]
    [InlineData("UseCliConfiguration", "yes please")]
    [InlineData("Argon2Implementation", "Quantum")]
    [InlineData("BaseAddress", "not a uri")]
    public void Unparsable_configuration_value_fails_naming_the_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ravi:" + key] = value }).Build();
        var services = new ServiceCollection();
        services.AddRavi(configuration.GetSection("Ravi"));
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => sp.GetRequiredService<IOptions<RaviClientOptions>>().Value);

        Assert.Contains("Ravi:" + key, ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidOptions => new()
    {
        { "relative BaseAddress", "BaseAddress" },
        { "ftp BaseAddress", "BaseAddress" },
        { "malformed IdentityUuid", "IdentityUuid" },
        { "whitespace AccessToken", "AccessToken" },
        { "negative MaxRetries", "MaxRetries" },
        { "zero AttemptTimeout", "AttemptTimeout" },
    };

    private static void Break(string name, RaviClientOptions o)
    {
        o.UseCliConfiguration = false;
        switch (name)
        {
            case "relative BaseAddress": o.BaseAddress = new Uri("/api", UriKind.Relative); break;
            case "ftp BaseAddress": o.BaseAddress = new Uri("ftp://ravi.test/"); break;
            case "malformed IdentityUuid": o.IdentityUuid = "agent-7"; break;
            case "whitespace AccessToken": o.AccessToken = "  "; break;
            case "negative MaxRetries": o.MaxRetries = -1; break;
            default: o.AttemptTimeout = TimeSpan.Zero; break;
        }
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_fail_validation_on_resolve_and_at_startup(string name, string option)
    {
        var services = new ServiceCollection();
        services.AddRavi(o => Break(name, o));
        using var sp = services.BuildServiceProvider();

        var fromOptions = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<RaviClientOptions>>().Value);
        var fromClient = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<RaviClient>());
        var atStartup = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());

        foreach (var ex in new[] { fromOptions, fromClient, atStartup })
        {
            Assert.Contains(option, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Named_registrations_send_their_own_tokens_through_factory_and_keyed_services()
    {
        var (recorderA, mockA) = NewTransport();
        var (recorderB, mockB) = NewTransport();
        mockA.When("https://ravi.test/api/identities/").Respond("application/json", "[]");
        mockB.When("https://ravi.test/api/identities/").Respond("application/json", "[]");
        var services = new ServiceCollection();
        services.AddRavi("alpha", o => Account(o, "alpha-token")).ConfigurePrimaryHttpMessageHandler(() => recorderA);
        services.AddRavi("beta", o => Account(o, "beta-token")).ConfigurePrimaryHttpMessageHandler(() => recorderB);
        using var sp = services.BuildServiceProvider();
        var factory = sp.GetRequiredService<IRaviClientFactory>();

        var alpha = factory.CreateClient("alpha");
        var beta = sp.GetRequiredKeyedService<RaviClient>("beta");
        await alpha.Identities.ListAsync().ToListAsync();
        await beta.Identities.ListAsync().ToListAsync();
        await sp.GetRequiredKeyedService<RaviClient>("alpha").Identities.ListAsync().ToListAsync();
        await factory.CreateClient("beta").Identities.ListAsync().ToListAsync();

        Assert.Same(alpha, sp.GetRequiredKeyedService<RaviClient>("alpha"));
        Assert.Same(beta, factory.CreateClient("beta"));
        Assert.NotSame(alpha, beta);
        Assert.Equal(["Bearer alpha-token", "Bearer alpha-token"], recorderA.Requests.Select(r => r.Header("Authorization")));
        Assert.Equal(["Bearer beta-token", "Bearer beta-token"], recorderB.Requests.Select(r => r.Header("Authorization")));
        Assert.Null(sp.GetService<RaviClient>());
        var unknown = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("gamma"));
        Assert.Contains("gamma", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_added_to_the_returned_builder_runs_under_the_sdk_auth_handler()
    {
        var (recorder, mock) = NewTransport();
        mock.When("https://ravi.test/api/auth/user/").Respond("application/json", Samples.UserJson);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        var services = new ServiceCollection();
        services.AddRavi("host", o => Account(o, "host-token"))
            .AddHttpMessageHandler(() => new StampHandler(seen))
            .ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();

        var user = await sp.GetRequiredKeyedService<RaviClient>("host").Auth.GetCurrentUserAsync();

        Assert.Equal("owner@corp.example", user.Email);
        var request = Assert.Single(recorder.Requests);
        Assert.Equal("ran", request.Header("X-Host-Handler"));
        Assert.Equal(["Bearer host-token"], seen);
    }

    [Fact]
    public async Task AddRavi_twice_for_one_name_composes_configuration_into_one_client()
    {
        var (recorder, mock) = NewTransport();
        mock.When("https://ravi.test/api/identities/").Respond("application/json", "[]");
        var services = new ServiceCollection();
        services.AddRavi(o => Account(o, "first-token"));
        services.AddRavi(o => o.ApplicationId = "second/1.0").ConfigurePrimaryHttpMessageHandler(() => recorder);
        using var sp = services.BuildServiceProvider();

        await sp.GetRequiredService<RaviClient>().Identities.ListAsync().ToListAsync();

        Assert.Single(sp.GetServices<RaviClient>());
        var request = Assert.Single(recorder.Requests);
        Assert.Equal("Bearer first-token", request.Header("Authorization"));
        Assert.StartsWith("second/1.0 Ravi.Sdk/", request.Header("User-Agent"));
    }

    [Fact]
    public void Disposing_the_container_disposes_the_client()
    {
        var services = new ServiceCollection();
        services.AddRavi(o => Account(o, "t"));
        var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredService<RaviClient>();

        sp.Dispose();

        Assert.Throws<ObjectDisposedException>(() => client.Identities.ListAsync().GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
    }

    private static void Account(RaviClientOptions o, string token)
    {
        o.BaseAddress = new Uri(WireHarness.Base);
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

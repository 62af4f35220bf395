using System.Net;
using Ravi.Sdk.Tests.Support;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests;

/// <summary>RaviClient construction, option validation and copying, base address handling, views and disposal.</summary>
public sealed class ClientTests
{
    public static TheoryData<string, string> InvalidOptions => new()
    {
        { "relative BaseAddress", "BaseAddress" },
        { "ftp BaseAddress", "BaseAddress" },
        { "null BaseAddress", "BaseAddress" },
        { "malformed IdentityUuid", "IdentityUuid" },
        { "empty AccessToken", "AccessToken" },
        { "negative MaxRetries", "MaxRetries" },
        { "too many MaxRetries", "MaxRetries" },
        { "negative OverallTimeout", "OverallTimeout" },
        { "negative RetryBaseDelay", "RetryBaseDelay" },
        { "null TimeProvider", "TimeProvider" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_validates_options(string name, string option)
    {
        var options = new RaviClientOptions { AccessToken = "tok", UseCliConfiguration = false };
        switch (name)
        {
            case "relative BaseAddress": options.BaseAddress = new Uri("api/", UriKind.Relative); break;
            case "ftp BaseAddress": options.BaseAddress = new Uri("ftp://ravi.test/"); break;
            case "null BaseAddress": options.BaseAddress = null!; break;
            case "malformed IdentityUuid": options.IdentityUuid = "my-agent"; break;
            case "empty AccessToken": options.AccessToken = ""; break;
            case "negative MaxRetries": options.MaxRetries = -1; break;
            case "too many MaxRetries": options.MaxRetries = 21; break;
            case "negative OverallTimeout": options.OverallTimeout = TimeSpan.FromSeconds(-1); break;
            case "negative RetryBaseDelay": options.RetryBaseDelay = TimeSpan.FromSeconds(-1); break;
            default: options.TimeProvider = null!; break;
        }

        using var http = new HttpClient(new MockHttpMessageHandler());
        var owned = Assert.Throws<ArgumentException>(() => new RaviClient(options));
        var borrowed = Assert.Throws<ArgumentException>(() => new RaviClient(http, options));

        Assert.Contains(option, owned.Message, StringComparison.Ordinal);
        Assert.Contains(option, borrowed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_rejects_null_arguments()
    {
        using var http = new HttpClient(new MockHttpMessageHandler());
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new RaviClient(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new RaviClient(http, null!)).ParamName);
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new RaviClient(null!, new RaviClientOptions())).ParamName);
    }

    [Fact]
    public async Task Options_are_copied_so_later_changes_do_not_affect_the_client()
    {
        using var h = new WireHarness();
        h.Options.AccessToken = "changed";
        h.Options.BaseAddress = new Uri("https://elsewhere.test/");
        h.Options.IdentityUuid = Samples.OtherIdentityUuid;
        h.ExpectJson(HttpMethod.Get, "api/identities/", "[]");

        await h.Client.Identities.ListAsync().ToListAsync();

        RequestAssert.Api(h.SingleRequest(), HttpMethod.Get, "api/identities/", identity: false);
        Assert.Null(h.Client.IdentityUuid);
        Assert.Equal(new Uri(WireHarness.Base), h.Client.BaseAddress);
    }

    [Theory]
    [InlineData("https://proxy.test/ravi", "https://proxy.test/ravi/api/identities/")]
    [InlineData("https://proxy.test/ravi/", "https://proxy.test/ravi/api/identities/")]
    [InlineData("https://proxy.test/ravi/?x=1#frag", "https://proxy.test/ravi/api/identities/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/api/identities/")]
    public async Task Base_address_path_is_kept_and_normalized(string baseAddress, string expected)
    {
        var mock = new MockHttpMessageHandler();
        var recorder = new RequestRecorder(mock);
        mock.When("*").Respond("application/json", "[]");
        using var http = new HttpClient(recorder);
        using var client = new RaviClient(http, new RaviClientOptions { BaseAddress = new Uri(baseAddress), AccessToken = "tok", UseCliConfiguration = false });

        await client.Identities.ListAsync().ToListAsync();

        Assert.Equal(expected, Assert.Single(recorder.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public void ForIdentity_returns_independent_views_sharing_the_root()
    {
        using var h = new WireHarness();

        var a = h.Client.ForIdentity(WireHarness.IdentityUuid);
        var b = a.ForIdentity(Samples.OtherIdentityUuid);

        Assert.Null(h.Client.IdentityUuid);
        Assert.Equal(WireHarness.IdentityUuid, a.IdentityUuid);
        Assert.Equal(Samples.OtherIdentityUuid, b.IdentityUuid);
        Assert.Equal(h.Client.BaseAddress, b.BaseAddress);
        Assert.Same(a.Vault, a.Vault);
        Assert.NotSame(a.Vault, b.Vault);
    }

    [Fact]
    public async Task Disposing_a_view_is_a_no_op_and_disposing_the_root_stops_every_view()
    {
        using var h = new WireHarness();
        h.Mock.When("https://ravi.test/api/vault/").Respond("application/json", "[]");
        var view = h.Client.ForIdentity(WireHarness.IdentityUuid);

        view.Dispose();
        await view.Vault.ListAsync().ToListAsync();
        h.Client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => view.Vault.ListAsync().ToListAsync().AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => h.Client.Identities.GetAsync(Samples.OtherIdentityUuid));
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Caller_http_client_is_not_disposed_with_the_ravi_client()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.OK);
        using var http = new HttpClient(mock);
        var client = new RaviClient(http, new RaviClientOptions { AccessToken = "tok", UseCliConfiguration = false });

        client.Dispose();

        using var response = await http.GetAsync(new Uri("https://other.test/"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

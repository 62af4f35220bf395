using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>
/// Item 1 of issue 10 when the caller passes their own <see cref="HttpClient"/>: the SDK cannot switch off that client's
/// automatic redirects, so it detects a followed redirect (the response's request URI differs from what it sent) and refuses
/// the answer: no foreign data returned, no foreign tokens adopted, no send reported as done.
/// </summary>
public sealed class CallerHttpClientRedirectTests : IAsyncLifetime
{
    private HostileServer _foreign = null!;
    private Func<HostileExchange, Task> _foreignAnswer = x => x.RespondAsync(503);

    public Task InitializeAsync()
    {
        _foreign = HostileServer.Start(HostileServer.Foreign, x => _foreignAnswer(x));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _foreign.DisposeAsync();

    /// <summary>A caller's client with .NET's defaults: it follows redirects, across hosts too.</summary>
    private static HttpClient FollowingClient() => new(new SocketsHttpHandler { AllowAutoRedirect = true }) { Timeout = Timeout.InfiniteTimeSpan };

    [Fact]
    public async Task A_followed_cross_origin_redirect_is_a_typed_error_not_the_foreign_answer()
    {
        _foreignAnswer = x => x.RespondAsync(200, "[" + HostileClients.IdentityJson + "]");
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RedirectAsync(302, _foreign.Url("api/identities/")));
        using var http = FollowingClient();
        using var client = new RaviClient(http, HostileClients.Options(api));

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        var redirect = Assert.IsType<RaviRedirectException>(ex);
        Assert.Equal(_foreign.BaseAddress.Authority, redirect.Location?.Authority);
        Assert.Contains("AllowAutoRedirect", ex.Message, StringComparison.Ordinal);

        // What the caller's handler already did cannot be undone; .NET drops Authorization on every redirect, and the SDK
        // sent each attempt once (a refused redirect is not retried).
        var leaked = Assert.Single(_foreign.Requests);
        Assert.Null(leaked.Header("Authorization"));
    }

    [Fact]
    public async Task A_followed_307_on_refresh_does_not_adopt_the_foreign_tokens()
    {
        var evil = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "evil");
        _foreignAnswer = x => x.RespondAsync(200, $$"""{"access":"{{evil}}","refresh":"evil-refresh"}""");
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Path == "/api/auth/token/refresh/"
            ? x.RedirectAsync(307, _foreign.Url("api/auth/token/refresh/"))
            : x.RespondAsync(401, """{"detail":"expired","code":"token_expired"}"""));
        using var http = FollowingClient();
        using var client = new RaviClient(http, HostileClients.Options(api, o =>
        {
            o.AccessToken = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1));
            o.RefreshToken = "single-use-refresh";
        }));

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());
        await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.IsAssignableFrom<RaviException>(ex);
        Assert.DoesNotContain(api.Requests, r => r.Header("Authorization")?.Contains(evil, StringComparison.Ordinal) == true);
        Assert.True(_foreign.Requests.Count <= 1, "the refresh token went out at most once");
    }

    [Fact]
    public async Task A_followed_307_on_compose_is_not_reported_as_sent()
    {
        _foreignAnswer = x => x.RespondAsync(200, HostileClients.MessageJson);
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RedirectAsync(307, _foreign.Url("api/email-messages/compose/")));
        using var http = FollowingClient();
        using var client = new RaviClient(http, HostileClients.Options(api));

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).EmailMessages.ComposeAsync(HostileClients.Email));

        var redirect = Assert.IsType<RaviRedirectException>(ex);
        Assert.Contains("may", ex.Message, StringComparison.Ordinal); // it says the request may have been processed there
        Assert.Equal(_foreign.BaseAddress.Authority, redirect.Location?.Authority);
        Assert.Single(_foreign.Requests);
    }

    [Fact]
    public async Task A_followed_same_origin_redirect_is_accepted()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Target == "/api/identities/"
            ? x.RedirectAsync(302, "/api/identities/?page=1")
            : x.RespondAsync(200, "[" + HostileClients.IdentityJson + "]"));
        using var http = FollowingClient();
        using var client = new RaviClient(http, HostileClients.Options(api));

        var identities = await HostileClients.Within(client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Single(identities);
    }
}

using Ravi.Sdk.Events;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>
/// Item 1 of issue 10: credentials never leave the API origin. 127.0.0.1 plays the API, 127.0.0.2 a foreign host that
/// records everything it receives; the SDK's own transport must never reach it through a redirect.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private HostileServer _foreign = null!;
    private Func<HostileExchange, Task> _foreignAnswer = x => x.RespondAsync(503, """{"detail":"foreign"}""");

    public Task InitializeAsync()
    {
        _foreign = HostileServer.Start(HostileServer.Foreign, x => _foreignAnswer(x));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _foreign.DisposeAsync();

    [Theory]
    [InlineData(302, 503)]
    [InlineData(302, 401)]
    [InlineData(307, 503)]
    [InlineData(301, 401)]
    public async Task A_get_redirected_to_another_host_sends_nothing_there_and_names_the_target(int redirect, int foreignStatus)
    {
        _foreignAnswer = x => x.RespondAsync(foreignStatus, """{"detail":"foreign"}""");
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Path == "/api/auth/token/refresh/"
            ? x.RespondAsync(200, $$"""{"access":"{{TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1))}}","refresh":"r2"}""")
            : x.RedirectAsync(redirect, _foreign.Url("api/identities/")));
        using var client = HostileClients.WithRefresh(api, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), "r1");

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Empty(_foreign.Requests);
        var redirectError = Assert.IsType<RaviRedirectException>(ex);
        Assert.Equal(new Uri(_foreign.Url("api/identities/")), redirectError.Location);
        Assert.Contains(_foreign.BaseAddress.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, api.Count("GET", "/api/identities/")); // a refused redirect is not retried
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_refresh_redirected_to_another_host_sends_no_refresh_token_there_and_adopts_nothing(int redirect)
    {
        var evil = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1), "evil");
        _foreignAnswer = x => x.RespondAsync(200, $$"""{"access":"{{evil}}","refresh":"evil-refresh"}""");
        var old = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1));
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Path == "/api/auth/token/refresh/"
            ? x.RedirectAsync(redirect, _foreign.Url("api/auth/token/refresh/"))
            : x.RespondAsync(401, """{"detail":"expired","code":"token_expired"}"""));
        using var client = HostileClients.WithRefresh(api, old, "single-use-refresh");

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());
        await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Empty(_foreign.Requests);
        Assert.IsAssignableFrom<RaviException>(ex);
        Assert.DoesNotContain(api.Requests, r => r.Header("Authorization")?.Contains(evil, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_login_redirected_with_307_never_sends_the_password_elsewhere()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RedirectAsync(307, _foreign.Url("api/auth/login/")));
        using var client = HostileClients.Create(api, o => o.AccessToken = null);

        var ex = await HostileClients.Failure(() => client.Auth.LoginAsync("me@example.com", "hunter2-password"));

        Assert.Empty(_foreign.Requests);
        Assert.IsType<RaviRedirectException>(ex);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compose_redirected_with_307_does_not_post_the_email_elsewhere_or_report_success()
    {
        _foreignAnswer = x => x.RespondAsync(200, HostileClients.MessageJson);
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RedirectAsync(307, _foreign.Url("api/email-messages/compose/")));
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).EmailMessages.ComposeAsync(HostileClients.Email));

        Assert.Empty(_foreign.Requests);
        Assert.IsType<RaviRedirectException>(ex);
        Assert.Equal(1, api.Count("POST", "/api/email-messages/compose/"));
    }

    [Fact]
    public async Task A_same_origin_redirect_of_a_get_is_followed_as_a_new_attempt_with_credentials_and_identity()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x =>
        {
            if (x.Request.Header("Authorization") != "Bearer " + HostileClients.Token || x.Request.Header("X-Ravi-Identity") != HostileClients.Identity)
            {
                return x.RespondAsync(401, """{"detail":"who are you"}""");
            }

            return x.Request.Target == "/api/vault/"
                ? x.RedirectAsync(302, "/api/vault/?moved=1")
                : x.RespondAsync(200, "[]");
        });
        using var client = HostileClients.Create(api);

        var secrets = await HostileClients.Within(client.ForIdentity(HostileClients.Identity).Vault.ListAsync().ToListAsync().AsTask());

        Assert.Empty(secrets);
        Assert.Equal(["/api/vault/", "/api/vault/?moved=1"], api.Requests.Select(r => r.Target));
        Assert.All(api.Requests, r => Assert.StartsWith("Ravi.Sdk/", r.Header("User-Agent")));
    }

    [Fact]
    public async Task A_same_origin_redirect_loop_ends_after_a_few_hops_with_a_typed_error()
    {
        var hop = 0;
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RedirectAsync(302, $"/api/identities/?hop={Interlocked.Increment(ref hop)}"));
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.IsType<RaviRedirectException>(ex);
        Assert.InRange(api.Requests.Count, 2, 11);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(302)]
    public async Task A_same_origin_redirect_of_a_post_is_not_followed(int redirect)
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Path == "/api/email-messages/compose/"
            ? x.RedirectAsync(redirect, "/api/email-messages/compose-elsewhere/")
            : x.RespondAsync(200, HostileClients.MessageJson));
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).EmailMessages.ComposeAsync(HostileClients.Email));

        Assert.IsType<RaviRedirectException>(ex);
        Assert.Equal(["/api/email-messages/compose/"], api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_redirect_on_an_auth_endpoint_is_not_followed_even_for_a_get()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Target == "/api/auth/user/"
            ? x.RedirectAsync(302, "/api/auth/user/?again=1")
            : x.RespondAsync(200, """{"email":"me@example.com"}"""));
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.Auth.GetCurrentUserAsync());

        Assert.IsType<RaviRedirectException>(ex);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task An_event_stream_redirected_to_another_host_sends_no_identity_or_last_event_id_there()
    {
        _foreignAnswer = x => x.RespondAsync(204);
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RedirectAsync(302, _foreign.Url("api/events/stream/")));
        using var client = HostileClients.Create(api);
        var options = new RaviEventStreamOptions { LastEventId = "41", MaxReconnectAttempts = 0 };

        var ex = await HostileClients.Failure(async () =>
        {
            await foreach (var _ in client.ForIdentity(HostileClients.Identity).Events.StreamAsync(options))
            {
            }
        });

        Assert.Empty(_foreign.Requests);
        Assert.IsType<RaviRedirectException>(ex);
        Assert.Equal("41", Assert.Single(api.Requests).Header("Last-Event-ID"));
    }

    [Fact]
    public async Task A_presigned_upload_to_the_storage_host_carries_no_credentials_identity_or_user_agent()
    {
        _foreignAnswer = x => x.RespondAsync(200);
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200));
        using var client = HostileClients.Create(api);
        var upload = new Ravi.Sdk.Models.PresignedUpload { Uuid = "3f2b8c1e-2222-4222-8333-944455556666", UploadUrl = new Uri(_foreign.Url("bucket/key?sig=abc")), StorageKey = "key" };
        using var body = new MemoryStream("attachment bytes"u8.ToArray());

        await HostileClients.Within(client.ForIdentity(HostileClients.Identity).Attachments.UploadAsync(upload, body, "text/plain", body.Length));

        var put = Assert.Single(_foreign.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal("attachment bytes", put.BodyText);
        Assert.Null(put.Header("Authorization"));
        Assert.Null(put.Header("X-Ravi-Identity"));
        Assert.Null(put.Header("User-Agent"));
    }
}

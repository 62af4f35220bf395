using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>Item 6 of issue 10: a (single-use) refresh token goes on the wire at most once; a refresh nobody waits for is bounded.</summary>
public sealed class RefreshOnceTests
{
    private const string RefreshPath = "/api/auth/token/refresh/";

    [Fact]
    public async Task A_refresh_whose_connection_drops_after_sending_is_never_sent_again()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x =>
        {
            if (x.Request.Path == RefreshPath)
            {
                x.Close(); // read the refresh token, rotate it server-side, then lose the connection
                return Task.CompletedTask;
            }

            return x.RespondAsync(401, """{"detail":"expired","code":"token_expired"}""");
        });
        using var client = HostileClients.WithRefresh(api, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), "single-use-refresh");

        var first = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());
        var second = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(1, api.Count("POST", RefreshPath));
        Assert.IsType<RaviAuthenticationException>(first);
        Assert.IsType<RaviAuthenticationException>(second);
        Assert.Contains("sign in again", first.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_refresh_answered_with_a_server_error_is_never_sent_again()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Path == RefreshPath
            ? x.RespondAsync(502, """{"detail":"bad gateway"}""")
            : x.RespondAsync(401, """{"detail":"expired","code":"token_expired"}"""));
        using var client = HostileClients.WithRefresh(api, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), "single-use-refresh");

        await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());
        await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(1, api.Count("POST", RefreshPath));
    }

    [Fact]
    public async Task A_refresh_the_server_refused_with_429_may_be_tried_again()
    {
        // A 429 means the server refused it unprocessed: the token is not spent, so the next call refreshes and succeeds.
        var renewed = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1));
        var refreshes = 0;
        await using var api = HostileServer.Start(HostileServer.Api, x =>
        {
            if (x.Request.Path == RefreshPath)
            {
                return Interlocked.Increment(ref refreshes) == 1
                    ? x.RespondAsync(429, """{"detail":"slow down","retry_after_seconds":0}""")
                    : x.RespondAsync(200, $$"""{"access":"{{renewed}}","refresh":"r2"}""");
            }

            return x.Request.Header("Authorization") == "Bearer " + renewed
                ? x.RespondAsync(200, "[]")
                : x.RespondAsync(401, """{"code":"token_expired"}""");
        });
        using var client = HostileClients.WithRefresh(api, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), "r1", o => o.MaxRetries = 0);

        await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());
        var identities = await HostileClients.Within(client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Empty(identities);
        Assert.Equal(2, api.Count("POST", RefreshPath));
    }

    [Fact]
    public async Task The_shared_refresh_is_cut_within_the_refresh_bound_after_every_waiter_cancelled()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var refreshClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refreshArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            if (x.Request.Path != RefreshPath)
            {
                await x.RespondAsync(401, """{"code":"token_expired"}""");
                return;
            }

            refreshArrived.TrySetResult();
            var buffer = new byte[1];
            try
            {
                _ = await x.Stream.ReadAsync(buffer, x.Stopping); // never answers: returns when the client closes the connection
            }
            finally
            {
                refreshClosed.TrySetResult();
            }
        });
        using var client = HostileClients.WithRefresh(api, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), "r1", o =>
        {
            o.TimeProvider = time;
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.OverallTimeout = Timeout.InfiniteTimeSpan;
            o.MaxRetries = 0;
        });
        using var cts = new CancellationTokenSource();

        var call = client.Identities.ListAsync(cancellationToken: cts.Token).ToListAsync().AsTask();
        await HostileClients.Within(refreshArrived.Task, 10);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HostileClients.Within(call, 10));
        time.Advance(TimeSpan.FromSeconds(10)); // the bound on a refresh nobody waits for (AttemptTimeout is 30 s)

        await HostileClients.Within(refreshClosed.Task, 10);
    }
}

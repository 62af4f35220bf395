using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Retries, timeouts and cancellation against the real server's fault hooks (docs/resilience.md#what-is-retried): reads are retried, an email is
/// never sent twice, a 429 is waited out, and the caller's cancellation wins over any wait.
/// </summary>
public abstract class ResilienceTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : ResilienceTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : ResilienceTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private const string ComposePath = "/api/email-messages/compose/";

    private static ComposeEmailRequest Email(string subject = "s") => new() { To = "alice@example.com", Subject = subject, Body = "<p>b</p>" };

    [Fact]
    public async Task A_503_on_a_get_is_retried_to_success()
    {
        var client = CreateClient();
        Server.FailNext(1, 503, pathPrefix: "/api/identities/");

        var identity = await client.Identities.GetAsync(IdentityUuid);

        Assert.Equal(IdentityUuid, identity.Uuid);
        Assert.Equal([503, 200], RequestsTo("GET", $"/api/identities/{IdentityUuid}/").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Transient_errors_on_reads_are_retried_up_to_MaxRetries_then_surface()
    {
        var client = CreateClient(o => o.MaxRetries = 2);
        Server.FailNext(3, 502, pathPrefix: "/api/identities/");

        var failed = await Assert.ThrowsAsync<RaviServerException>(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal([502, 502, 502], RequestsTo("GET", "/api/identities/").Select(r => r.StatusCode));
        Assert.Single(await client.Identities.ListAsync().ToListAsync()); // the faults are used up
    }

    [Fact]
    public async Task A_500_before_compose_ran_is_RaviServerException_and_sends_nothing()
    {
        var agent = CreateIdentityClient();
        Server.FailNext(1, 500, pathPrefix: ComposePath);

        var failed = await Assert.ThrowsAsync<RaviServerException>(() => agent.EmailMessages.ComposeAsync(Email()));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(Server.SentEmails);
        Assert.Equal([500], RequestsTo("POST", ComposePath).Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_500_after_compose_ran_is_not_retried_so_the_email_is_sent_exactly_once()
    {
        var agent = CreateIdentityClient();
        Server.FailAfterExecute(1, 500, pathPrefix: ComposePath);

        await Assert.ThrowsAsync<RaviServerException>(() => agent.EmailMessages.ComposeAsync(Email("once")));

        Assert.Equal("once", Assert.Single(Server.SentEmails).Subject);
        Assert.Equal([500], RequestsTo("POST", ComposePath).Select(r => r.StatusCode));

        // Same for replies and for 502/503/504.
        var inbound = Server.InjectEmail(IdentityUuid, "bob@example.com", "Q", "?");
        Server.FailAfterExecute(1, 503, pathPrefix: $"/api/email-messages/{inbound.MessageId}/reply/");
        await Assert.ThrowsAsync<RaviServerException>(() => agent.EmailMessages.ReplyAsync(inbound.MessageId, new ReplyEmailRequest { Body = "r" }));
        Assert.Equal(2, Server.SentEmails.Count);
        Assert.Single(RequestsUnder("POST", $"/api/email-messages/{inbound.MessageId}/reply/"));
    }

    [Fact]
    public async Task A_429_on_compose_is_waited_out_and_retried_once_sending_one_email()
    {
        // Server and client share one fake clock: the retry waits exactly the server's Retry-After on it, and only then.
        var time = new ObservableTimeProvider();
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { TimeProvider = time, Dialect = Dialect });
        using var root = new RaviClient(FakeClockOptions(server, time));
        var agent = root.ForIdentity(server.Identity.Uuid);
        server.FailNext(1, 429, retryAfterSeconds: 1, pathPrefix: ComposePath);

        var sending = agent.EmailMessages.ComposeAsync(Email("after the wait"));
        await time.WaitUntilArmedAsync(TimeSpan.FromSeconds(1)); // the SDK waits the 1 s the server asked for
        Assert.False(sending.IsCompleted);
        Assert.Single(server.Requests, r => r.Path == ComposePath);
        time.Advance(TimeSpan.FromSeconds(1));
        var sent = await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(sent.Id, Assert.Single(server.SentEmails).MessageId);
        var attempts = server.Requests.Where(r => r.Method == "POST" && r.Path == ComposePath).ToList();
        Assert.Equal([429, 201], attempts.Select(r => r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(1), attempts[1].ReceivedAt - attempts[0].ReceivedAt);
        Assert.Equal(attempts[0].Body, attempts[1].Body); // the same buffered body was replayed
        Assert.Empty(server.UnhandledErrors);
    }

    [Fact]
    public async Task A_get_held_longer_than_the_attempt_timeout_is_retried()
    {
        // Server and client share one fake clock: the server holds the first attempt 10 s, the client gives up on it after
        // its 1 s attempt timeout and retries at once (no backoff); nothing moves unless the test moves the clock.
        var time = new ObservableTimeProvider();
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { TimeProvider = time, Dialect = Dialect });
        using var client = new RaviClient(FakeClockOptions(server, time, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.RetryBaseDelay = TimeSpan.Zero;
        }));
        var path = $"/api/identities/{server.Identity.Uuid}/";
        server.DelayNext(1, TimeSpan.FromSeconds(10), pathPrefix: "/api/identities/");

        var getting = client.Identities.GetAsync(server.Identity.Uuid);
        await time.WaitUntilArmedAsync(TimeSpan.FromSeconds(10)); // the server holds the first attempt
        Assert.False(getting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1)); // the attempt timeout, not the server's 10 s
        var identity = await getting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(server.Identity.Uuid, identity.Uuid);
        var attempts = server.Requests.Where(r => r.Method == "GET" && r.Path == path).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), attempts[1].ReceivedAt - attempts[0].ReceivedAt);
        Assert.Empty(server.UnhandledErrors);
    }

    /// <summary>Options for a client of <paramref name="server"/> whose timers all run on <paramref name="time"/>.</summary>
    private static RaviClientOptions FakeClockOptions(RaviTestServer server, TimeProvider time, Action<RaviClientOptions>? configure = null)
    {
        var options = new RaviClientOptions
        {
            BaseAddress = server.BaseAddress,
            AccessToken = server.AccessToken,
            RefreshToken = server.RefreshToken,
            UseCliConfiguration = false,
            TimeProvider = time,
        };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task A_compose_held_longer_than_the_attempt_timeout_is_RaviRequestTimeoutException_and_not_retried()
    {
        // Server and client share a fake clock: the server holds the compose for 10 s, the client gives up after 1 s.
        var time = new ObservableTimeProvider();
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { TimeProvider = time, Dialect = Dialect });
        using var root = new RaviClient(FakeClockOptions(server, time, o => o.AttemptTimeout = TimeSpan.FromSeconds(1)));
        var agent = root.ForIdentity(server.Identity.Uuid);
        await agent.Subscription.GetAsync(); // a pooled connection, so the attempt is not spent connecting
        server.DelayNext(1, TimeSpan.FromSeconds(10), pathPrefix: ComposePath);

        var composing = agent.EmailMessages.ComposeAsync(Email());
        await time.WaitUntilArmedAsync(TimeSpan.FromSeconds(10)); // the server holds the compose
        Assert.False(composing.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var timeout = await Assert.ThrowsAsync<RaviRequestTimeoutException>(() => composing.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(RaviTimeoutKind.Attempt, timeout.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.Single(server.Requests, r => r.Method == "POST" && r.Path == ComposePath);
        await WaitUntilAsync(() => server.Requests.Single(r => r.Method == "POST" && r.Path == ComposePath).StatusCode != 0, "the held compose to end");
        Assert.Empty(server.SentEmails); // the client left, so the held request never ran
    }

    [Fact]
    public async Task The_overall_timeout_bounds_all_attempts_together()
    {
        // Server and client share one fake clock: attempts of 200 ms (retried at once) within 500 ms overall make exactly three.
        var time = new ObservableTimeProvider();
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { TimeProvider = time, Dialect = Dialect });
        using var client = new RaviClient(FakeClockOptions(server, time, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.OverallTimeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetries = 10;
            o.RetryBaseDelay = TimeSpan.Zero;
        }));
        server.DelayNext(10, TimeSpan.FromSeconds(5), pathPrefix: "/api/subscription/");

        var getting = client.Subscription.GetAsync();
        foreach (var step in new[] { 200, 200, 100 })
        {
            await time.WaitUntilArmedAsync(TimeSpan.FromSeconds(5)); // the server holds this attempt
            Assert.False(getting.IsCompleted);
            time.Advance(TimeSpan.FromMilliseconds(step));
        }

        var timeout = await Assert.ThrowsAsync<RaviRequestTimeoutException>(() => getting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(RaviTimeoutKind.Overall, timeout.Kind);
        Assert.Equal(3, server.Requests.Count(r => r.Method == "GET" && r.Path == "/api/subscription/"));
        server.ClearFaults();
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_ends_promptly_with_OperationCanceledException()
    {
        // The client's clock is fake and never moves: the 20 s wait the server asked for can only end by the cancellation.
        var time = new ObservableTimeProvider();
        var client = CreateClient(o =>
        {
            o.TimeProvider = time;
            o.MaxRetryDelay = TimeSpan.FromMinutes(1);
        });
        Server.FailNext(1, 503, retryAfterSeconds: 20, pathPrefix: "/api/identities/"); // within MaxRetryDelay and OverallTimeout
        using var cancel = new CancellationTokenSource();

        var call = client.Identities.GetAsync(IdentityUuid, cancellationToken: cancel.Token);
        await time.WaitUntilArmedAsync(TimeSpan.FromSeconds(20)); // the SDK is now waiting the 20 s the server asked for
        Assert.False(call.IsCompleted);
        await cancel.CancelAsync();
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10))); // a hang guard (TimeoutException fails)

        Assert.Equal(cancel.Token, cancelled.CancellationToken);
        Assert.Equal(ObservableTimeProvider.DefaultStart, time.GetUtcNow()); // no wait elapsed
        Assert.Single(RequestsTo("GET", $"/api/identities/{IdentityUuid}/"));
    }

    [Fact]
    public async Task Cancelling_a_request_in_flight_ends_it_and_the_client_stays_usable()
    {
        // Server and client share a fake clock that never moves: the held response can only end by the cancellation.
        var time = new ObservableTimeProvider();
        await using var server = await RaviTestServer.StartAsync(new RaviTestServerOptions { TimeProvider = time, Dialect = Dialect });
        using var client = new RaviClient(FakeClockOptions(server, time));
        server.DelayNext(1, TimeSpan.FromSeconds(10), pathPrefix: "/api/subscription/");
        using var cancel = new CancellationTokenSource();

        var call = client.Subscription.GetAsync(cancellationToken: cancel.Token);
        await time.WaitUntilArmedAsync(TimeSpan.FromSeconds(10)); // the server holds the request
        Assert.False(call.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10))); // a hang guard (TimeoutException fails)
        Assert.Equal(ObservableTimeProvider.DefaultStart, time.GetUtcNow());

        Assert.True((await client.Subscription.GetAsync().WaitAsync(TimeSpan.FromSeconds(10))).IsActive);
        Assert.Equal(2, server.Requests.Count(r => r.Method == "GET" && r.Path == "/api/subscription/"));
        Assert.Empty(server.UnhandledErrors);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>
/// Item 5 of issue 10: a caller sees a RaviException subclass (or ArgumentException / OperationCanceledException) and
/// nothing else. Transport failures become <see cref="RaviConnectionException"/> with the attempt count; every error raised
/// after retries says how many attempts were made.
/// </summary>
public sealed class TransportFailureTests
{
    private static async Task<RaviConnectionException> ConnectionFailure(HostileServer api, int maxRetries = 3)
    {
        using var client = HostileClients.Create(api, o => o.MaxRetries = maxRetries);
        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());
        return Assert.IsType<RaviConnectionException>(ex);
    }

    private static void AssertAttempts(RaviConnectionException ex, int attempts)
    {
        Assert.Equal(attempts, ex.Attempts);
        Assert.Contains($"{attempts} attempt", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_error_after_every_attempt()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var client = new RaviClient(new RaviClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            AccessToken = HostileClients.Token,
            UseCliConfiguration = false,
            RetryBaseDelay = TimeSpan.Zero,
        });

        var ex = Assert.IsType<RaviConnectionException>(await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask()));

        AssertAttempts(ex, 4);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task A_get_reset_mid_body_is_retried()
    {
        var requests = 0;
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                await x.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n[{\"uuid\":");
                x.Reset();
                return;
            }

            await x.RespondAsync(200, "[" + HostileClients.IdentityJson + "]");
        });
        using var client = HostileClients.Create(api);

        var identities = await HostileClients.Within(client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Single(identities);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task A_get_reset_mid_body_every_time_is_a_connection_error_with_the_attempt_count()
    {
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            await x.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n[{\"uuid\":");
            x.Reset();
        });

        AssertAttempts(await ConnectionFailure(api), 4);
        Assert.Equal(4, api.Requests.Count);
    }

    [Fact]
    public async Task An_early_close_mid_body_is_a_connection_error()
    {
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            await x.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n[{\"uuid\":");
            x.Close();
        });

        AssertAttempts(await ConnectionFailure(api, maxRetries: 1), 2);
    }

    [Fact]
    public async Task An_invalid_status_line_is_a_connection_error()
    {
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            await x.SendAsync("HTTP/1.1 two-hundred OK\r\nContent-Length: 2\r\n\r\n[]");
            x.Close();
        });

        AssertAttempts(await ConnectionFailure(api, maxRetries: 0), 1);
    }

    [Fact]
    public async Task Oversized_headers_are_a_connection_error()
    {
        await using var api = HostileServer.Start(HostileServer.Api, async x =>
        {
            await x.SendAsync("HTTP/1.1 200 OK\r\nX-Junk: " + new string('a', 200 * 1024) + "\r\nContent-Length: 2\r\n\r\n[]");
            x.Close();
        });

        AssertAttempts(await ConnectionFailure(api, maxRetries: 0), 1);
    }

    [Fact]
    public async Task A_corrupt_gzip_body_is_a_connection_error()
    {
        var garbage = new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xfe, 0xfd, 0x01, 0x02, 0x03, 0x04, 0x05 };
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, garbage, "application/json", ("Content-Encoding", "gzip")));

        AssertAttempts(await ConnectionFailure(api, maxRetries: 1), 2);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("[\"not an object\"]")]
    [InlineData("[{\"uuid\":{\"n\":5},\"name\":\"bot\"}]")] // an object where an id (string or number) belongs
    [InlineData("{\"results\":[true],\"next\":null}")]
    [InlineData("[{\"uuid\":\"3f2b8c1e-1111-4222-8333-944455556666\",\"name\":\"b\xFFt\"}]")]
    public async Task A_list_item_of_the_wrong_type_or_invalid_utf8_is_an_api_error(string body)
    {
        var bytes = Encoding.Latin1.GetBytes(body); // \xFF stays a raw (invalid UTF-8) byte
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, bytes, "application/json"));
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.IsAssignableFrom<RaviApiException>(ex);
    }

    [Fact]
    public async Task A_post_that_failed_after_sending_is_a_connection_error_that_says_it_may_have_been_processed()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x =>
        {
            x.Close(); // read the whole email, then the connection dies before any response
            return Task.CompletedTask;
        });
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).EmailMessages.ComposeAsync(HostileClients.Email));

        var connection = Assert.IsType<RaviConnectionException>(ex);
        AssertAttempts(connection, 1);
        Assert.Contains("may have", ex.Message, StringComparison.Ordinal);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A_status_error_after_retries_says_how_many_attempts_were_made()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(503, """{"detail":"down"}"""));
        using var client = HostileClients.Create(api);

        var ex = Assert.IsType<RaviServerException>(await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask()));

        Assert.Equal(4, ex.Attempts);
        Assert.Contains("4 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_error_without_retries_says_nothing_about_attempts()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(404, """{"detail":"gone"}"""));
        using var client = HostileClients.Create(api);

        var ex = Assert.IsType<RaviNotFoundException>(await HostileClients.Failure(() => client.Identities.GetAsync(HostileClients.Identity)));

        Assert.Equal(1, ex.Attempts);
        Assert.DoesNotContain("attempt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_after_retries_says_how_many_attempts_were_made()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => Task.Delay(Timeout.Infinite, x.Stopping));
        using var client = HostileClients.Create(api, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 2;
        });

        var ex = Assert.IsType<RaviRequestTimeoutException>(await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask()));

        Assert.Equal(3, ex.Attempts);
        Assert.Contains("3 attempts", ex.Message, StringComparison.Ordinal);
    }
}

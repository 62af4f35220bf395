using System.Net;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>The server's send limit (here 3 per hour) surfaces as <see cref="RaviRateLimitException"/> without a retry storm.</summary>
public abstract class SendLimitTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : SendLimitTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : SendLimitTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    protected override RaviTestServerOptions CreateServerOptions() => new() { EmailsPerHour = 3 };

    [Fact]
    public async Task The_fourth_send_in_an_hour_is_RaviRateLimitException_with_RetryAfter_and_is_not_retried()
    {
        var agent = CreateIdentityClient(o => o.MaxRetryDelay = TimeSpan.FromMinutes(2));
        var inbound = Server.InjectEmail(IdentityUuid, "alice@example.com", "Hi", "Hello");

        await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@example.com", Subject = "1", Body = "1" });
        await agent.EmailMessages.ReplyAsync(inbound.MessageId, new ReplyEmailRequest { Body = "2" });
        await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "b@example.com", Subject = "3", Body = "3" });

        var limited = await Assert.ThrowsAsync<RaviRateLimitException>(() =>
            agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "c@example.com", Subject = "4", Body = "4" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.RetryAfter);
        Assert.InRange(limited.RetryAfter.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var reply = await Assert.ThrowsAsync<RaviRateLimitException>(() =>
            agent.EmailMessages.ReplyAllAsync(inbound.MessageId, new ReplyEmailRequest { Body = "5" }));
        Assert.NotNull(reply.RetryAfter);

        // The wait the server asked for is longer than MaxRetryDelay, so the SDK gave up at once: one request per send.
        Assert.Equal(3, Server.SentEmails.Count);
        Assert.Equal([201, 201, 429], RequestsTo("POST", "/api/email-messages/compose/").Select(r => r.StatusCode));
        Assert.Equal([429], RequestsTo("POST", $"/api/email-messages/{inbound.MessageId}/reply-all/").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task With_a_short_server_wait_a_rate_limited_compose_is_retried_once_the_window_allows_and_sent_once()
    {
        var agent = CreateIdentityClient();
        Server.FailNext(2, 429, retryAfterSeconds: 0, pathPrefix: "/api/email-messages/compose/");

        await agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@example.com", Subject = "s", Body = "b" });

        Assert.Single(Server.SentEmails);
        Assert.Equal([429, 429, 201], RequestsTo("POST", "/api/email-messages/compose/").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_client_without_retries_sends_each_compose_once_even_on_429()
    {
        var agent = CreateIdentityClient(o => o.MaxRetries = 0);
        Server.FailNext(1, 429, retryAfterSeconds: 0, pathPrefix: "/api/email-messages/compose/");

        var limited = await Assert.ThrowsAsync<RaviRateLimitException>(() =>
            agent.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@example.com", Subject = "s", Body = "b" }));

        Assert.Equal(TimeSpan.Zero, limited.RetryAfter);
        Assert.Empty(Server.SentEmails);
        Assert.Single(RequestsTo("POST", "/api/email-messages/compose/"));
    }
}

using System.Net;
using Ravi.Sdk.Http;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Resilience;

public sealed class SendLimiterTests : IDisposable
{
    private readonly ObservableTimeProvider _time = new();
    private readonly StubHandler _handler;
    private HttpStatusCode _status = HttpStatusCode.OK;

    public SendLimiterTests()
    {
        _handler = new StubHandler(_ => StubHandler.Json(_status, _status == HttpStatusCode.OK ? """{"id":1}""" : """{"detail":"bad"}"""), _time);
    }

    public void Dispose() => _handler.Dispose();

    private RaviClient Client(bool enabled = true)
    {
        var options = TestClients.Options(_time, "ravi_id_key");
        options.EnableSendLimiter = enabled;
        options.MaxRetries = 0;
        return TestClients.Create(options, _handler);
    }

    private static ComposeEmailRequest Email => new() { To = "someone@example.com", Subject = "s", Body = "b" };

    private int Posts => _handler.Requests.Count(r => r.Method == "POST");

    [Fact]
    public async Task The_61st_send_in_an_hour_fails_fast_without_a_request_and_says_when_a_slot_frees()
    {
        var client = Client().ForIdentity(TestClients.Identity);
        for (var i = 0; i < 60; i++)
        {
            await client.EmailMessages.ComposeAsync(Email);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var ex = await Assert.ThrowsAsync<RaviRateLimitException>(() => client.EmailMessages.ComposeAsync(Email));

        Assert.Equal(60, Posts);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("client_send_limit", ex.Code);
        Assert.Equal(TimeSpan.FromMinutes(50), ex.RetryAfter); // the first send (600 s ago) leaves the window in 3000 s

        _time.Advance(TimeSpan.FromMinutes(50));
        await client.EmailMessages.ComposeAsync(Email);
        Assert.Equal(61, Posts);
    }

    [Fact]
    public async Task Replies_count_and_identities_have_separate_budgets()
    {
        var root = Client();
        var a = root.ForIdentity(TestClients.Identity);
        var b = root.ForIdentity(TestClients.OtherIdentity);
        for (var i = 0; i < 30; i++)
        {
            await a.EmailMessages.ReplyAsync(9, new ReplyEmailRequest { Body = "r" });
            await a.EmailMessages.ReplyAllAsync(9, new ReplyEmailRequest { Body = "r" });
        }

        await Assert.ThrowsAsync<RaviRateLimitException>(() => a.EmailMessages.ComposeAsync(Email));
        await b.EmailMessages.ComposeAsync(Email);
        Assert.Equal(61, Posts);
    }

    [Fact]
    public async Task Sends_refused_by_the_server_give_their_slot_back()
    {
        var client = Client().ForIdentity(TestClients.Identity);
        _status = HttpStatusCode.BadRequest;
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<RaviBadRequestException>(() => client.EmailMessages.ComposeAsync(Email));
        }

        _status = HttpStatusCode.OK;
        for (var i = 0; i < 60; i++)
        {
            await client.EmailMessages.ComposeAsync(Email);
        }

        Assert.Equal(70, Posts);
    }

    [Fact]
    public async Task Disabled_by_default()
    {
        var client = Client(enabled: false).ForIdentity(TestClients.Identity);
        for (var i = 0; i < 61; i++)
        {
            await client.EmailMessages.ComposeAsync(Email);
        }

        Assert.Equal(61, Posts);
    }

    [Fact]
    public void Daily_limit_of_500_with_exact_retry_after()
    {
        var limiter = new RaviSendLimiter(_time);
        for (var i = 0; i < 500; i++)
        {
            limiter.Acquire("id");
            _time.Advance(TimeSpan.FromMinutes(2)); // 30 per hour: under the hourly limit
        }

        var ex = Assert.Throws<RaviRateLimitException>(() => limiter.Acquire("id"));

        // 500 sends took 1000 min; the first leaves the 24 h window at 1440 min.
        Assert.Equal(TimeSpan.FromMinutes(440), ex.RetryAfter);
        _time.Advance(TimeSpan.FromMinutes(440));
        limiter.Acquire("id");
    }

    [Theory]
    [InlineData("POST", "https://ravi.test/api/email-messages/compose/", true)]
    [InlineData("POST", "https://ravi.test/api/email-messages/12/reply/", true)]
    [InlineData("POST", "https://ravi.test/api/email-messages/12/reply-all/", true)]
    [InlineData("GET", "https://ravi.test/api/email-messages/compose/", false)]
    [InlineData("POST", "https://ravi.test/api/identities/", false)]
    [InlineData("POST", "https://ravi.test/api/email-attachments/presign/", false)]
    public void Only_email_sends_are_counted(string method, string uri, bool counted)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        Assert.Equal(counted, RaviSendLimiter.IsSend(request));
    }
}

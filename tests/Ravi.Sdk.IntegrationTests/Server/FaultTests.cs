using System.Text.Json.Nodes;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class FaultTests : ServerTestBase
{
    private readonly ObservableTimeProvider _time = new();

    protected override RaviTestServerOptions CreateOptions() => new() { TimeProvider = _time, AccessTokenLifetime = TimeSpan.FromDays(1) };

    private static JsonObject Compose() => new() { ["to"] = "a@example.com", ["subject"] = "s", ["body"] = "b" };

    [Fact]
    public async Task FailNext_answers_matching_requests_with_the_status_body_and_retry_after()
    {
        Server.FailNext(2, 503, retryAfterSeconds: 7, pathPrefix: "/api/identities/");

        (await Api.GetAsync("api/auth/user/")).Expect(200);
        for (var i = 0; i < 2; i++)
        {
            var failed = (await Api.GetAsync("api/identities/")).Expect(503);
            Assert.Equal("service_unavailable", failed.ErrorCode);
            Assert.Equal(7, failed.Object["retry_after_seconds"]!.GetValue<int>());
            Assert.Equal(TimeSpan.FromSeconds(7), failed.Headers.RetryAfter!.Delta);
        }

        (await Api.GetAsync("api/identities/")).Expect(200);
    }

    [Fact]
    public async Task FailNext_runs_before_the_request_so_a_failed_compose_sends_nothing()
    {
        Server.FailNext(1, 500, pathPrefix: "/api/email-messages/compose/");
        Server.FailNext(1, 429, retryAfterSeconds: 1, method: "POST");

        Assert.Equal("server_error", (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(500).ErrorCode);
        Assert.Equal("rate_limited", (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(429).ErrorCode);
        Assert.Empty(Server.SentEmails);

        (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(201);
        Assert.Single(Server.SentEmails);
    }

    [Fact]
    public async Task FailNext_can_set_the_error_code()
    {
        Server.FailNext(1, 401, code: "token_expired");
        Assert.Equal("token_expired", (await Api.GetAsync("api/identities/")).Expect(401).ErrorCode);
        (await Api.GetAsync("api/identities/")).Expect(200);
    }

    [Fact]
    public async Task FailAfterExecute_sends_the_email_but_answers_500()
    {
        Server.FailAfterExecute(1, pathPrefix: "/api/email-messages/compose/", method: "POST");

        var response = (await Api.PostAsync("api/email-messages/compose/", Compose())).Expect(500);
        Assert.Equal("server_error", response.ErrorCode);
        Assert.Single(Server.SentEmails);
        Assert.Equal(1, (await Api.GetAsync("api/email-messages/")).Expect(200).Object["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task DelayNext_holds_the_request_on_the_server_clock()
    {
        Server.DelayNext(1, TimeSpan.FromSeconds(30), pathPrefix: "/api/subscription/");
        var pending = Api.GetAsync("api/subscription/");

        await _time.WaitUntilArmedAsync(TimeSpan.FromSeconds(30)); // the server holds the request on its (fake) clock
        Assert.False(pending.IsCompleted);
        (await Api.GetAsync("api/identities/")).Expect(200);

        _time.Advance(TimeSpan.FromSeconds(30));
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).Expect(200);
        (await Api.GetAsync("api/subscription/").WaitAsync(TimeSpan.FromSeconds(10))).Expect(200);
    }

    [Fact]
    public async Task ClearFaults_disarms_everything()
    {
        Server.FailNext(5, 500);
        Server.DropStreamAfterEvents(0);
        Server.ClearFaults();
        (await Api.GetAsync("api/identities/")).Expect(200);
    }

    [Fact]
    public async Task Requests_are_recorded_with_headers_body_and_status()
    {
        Server.ClearRequests();
        (await Api.PostAsync("api/vault/", new JsonObject { ["key"] = "K", ["value"] = "e2e::x" })).Expect(201);
        (await Api.GetAsync("api/vault/?x=1")).Expect(200);

        var requests = Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("POST", requests[0].Method);
        Assert.Equal("/api/vault/", requests[0].Path);
        Assert.Equal(201, requests[0].StatusCode);
        Assert.Equal("Bearer " + Server.AccessToken, requests[0].Header("authorization"));
        Assert.Equal(Server.Identity.Uuid, requests[0].Header("X-Ravi-Identity"));
        Assert.Equal("e2e::x", JsonNode.Parse(requests[0].Body!)!["value"]!.GetValue<string>());
        Assert.Equal("?x=1", requests[1].QueryString);
        Assert.True(requests[1].Sequence > requests[0].Sequence);
    }

    [Fact]
    public void Hooks_validate_their_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Server.FailNext(0, 500));
        Assert.Throws<ArgumentOutOfRangeException>(() => Server.FailNext(1, 99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Server.DelayNext(1, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentException>(() => Server.InjectSms(Guid.NewGuid().ToString(), "+1555", "x"));
        Assert.Throws<ArgumentException>(() => Server.CreateIdentity("bad name"));
        Assert.Throws<InvalidOperationException>(() => Server.CreateIdentity(Server.Identity.Name));
        Assert.Throws<ArgumentException>(() => Server.ApproveDevice("NOPE-NOPE"));
    }
}

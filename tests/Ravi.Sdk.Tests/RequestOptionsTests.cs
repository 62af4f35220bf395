using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Events;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;
using Ravi.Sdk.Tests.Http.Hostile;

namespace Ravi.Sdk.Tests;

/// <summary>Item 5 of issue 12: per-call <see cref="RaviRequestOptions"/> and reading the status and headers of a successful call.</summary>
public sealed class RequestOptionsTests
{
    private const string SecretJson = """{"uuid":"3f2b8c1e-3333-4222-8333-944455556666","key":"API_KEY","value":"v"}""";

    private static HostileServer Api(Func<HostileExchange, Task>? handler = null) => HostileServer.Start(HostileServer.Api, handler ?? (x =>
        x.RespondAsync(200, HostileClients.IdentityJson, ("X-Request-Id", "req-" + x.Request.Method), ("X-Rate-Remaining", "41"))));

    [Fact]
    public async Task Extra_headers_and_the_idempotency_key_go_on_the_wire()
    {
        await using var api = Api();
        using var client = HostileClients.Create(api);
        var options = new RaviRequestOptions { IdempotencyKey = "order-42-create" };
        options.Headers["X-Trace-Id"] = "trace-1";

        await client.Identities.CreateAsync("bot", options);
        await client.Identities.GetAsync(HostileClients.Identity);

        var (create, get) = (api.Requests.First(), api.Requests.Last());
        Assert.Equal("trace-1", create.Header("X-Trace-Id"));
        Assert.Equal("order-42-create", create.Header("Idempotency-Key"));
        Assert.StartsWith("Bearer ", create.Header("Authorization"), StringComparison.Ordinal);
        Assert.Null(get.Header("X-Trace-Id"));
        Assert.Null(get.Header("Idempotency-Key")); // only sent when set: the SDK never invents one
    }

    [Fact]
    public async Task A_post_with_an_idempotency_key_is_still_not_retried_once_it_may_have_been_processed()
    {
        await using var api = Api(x => x.RespondAsync(500, """{"detail":"boom"}"""));
        using var client = HostileClients.Create(api);

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).EmailMessages.ComposeAsync(
            HostileClients.Email, new RaviRequestOptions { IdempotencyKey = "send-1" }));

        Assert.IsType<RaviServerException>(ex);
        Assert.Single(api.Requests); // the API does not document honouring the key: no second send
    }

    [Theory]
    [InlineData("Authorization", "Bearer stolen")]
    [InlineData("X-Ravi-Identity", "3f2b8c1e-7777-4222-8333-944455556666")]
    [InlineData("authorization", "Bearer stolen")]
    [InlineData("User-Agent", "x")]
    [InlineData("Idempotency-Key", "k")]
    [InlineData("Content-Length", "1")]
    [InlineData("Bad Name", "x")]
    [InlineData("X-Ok", "line\r\nInjected: yes")]
    public async Task A_header_the_SDK_owns_or_a_malformed_one_is_refused_before_sending(string name, string value)
    {
        await using var api = Api();
        using var client = HostileClients.Create(api);
        var options = new RaviRequestOptions();
        options.Headers[name] = value;

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Identities.GetAsync(HostileClients.Identity, options));

        Assert.Equal("requestOptions", ex.ParamName);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void Every_problem_of_the_options_is_reported_at_once()
    {
        var options = new RaviRequestOptions { IdempotencyKey = "has space", OverallTimeout = TimeSpan.Zero, AttemptTimeout = TimeSpan.FromSeconds(-1) };
        options.Headers["Authorization"] = "x";

        var errors = options.GetValidationErrors();

        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public async Task Caller_headers_and_the_idempotency_key_never_reach_the_storage_host()
    {
        await using var storage = HostileServer.Start(HostileServer.Foreign, x => x.RespondAsync(200, null, ("ETag", "\"abc\"")));
        await using var api = Api(x => x.RespondAsync(200, $$"""{"uuid":"3f2b8c1e-2222-4222-8333-944455556666","upload_url":"{{storage.Url("bucket/key?sig=s")}}","storage_key":"key"}"""));
        using var client = HostileClients.Create(api);
        var seen = new List<RaviResponse>();
        var options = new RaviRequestOptions { IdempotencyKey = "upload-1", OnResponse = seen.Add };
        options.Headers["X-Trace-Id"] = "trace-1";

        var uuid = await client.ForIdentity(HostileClients.Identity).Attachments.UploadAsync("a.txt", "text/plain", new MemoryStream("hello"u8.ToArray()), options);

        Assert.Equal("3f2b8c1e-2222-4222-8333-944455556666", uuid);
        var presign = Assert.Single(api.Requests);
        Assert.Equal("trace-1", presign.Header("X-Trace-Id"));
        var put = Assert.Single(storage.Requests);
        Assert.Null(put.Header("X-Trace-Id"));
        Assert.Null(put.Header("Idempotency-Key"));
        Assert.Null(put.Header("Authorization"));
        Assert.Equal(["\"abc\""], seen.Skip(1).Select(r => r.GetHeader("ETag") ?? "").ToArray()); // the storage host's answer, read back
    }

    [Fact]
    public async Task The_status_and_headers_of_a_successful_call_are_read_back()
    {
        await using var api = Api();
        using var client = HostileClients.Create(api);
        RaviResponse? response = null;

        var identity = await client.Identities.GetAsync(HostileClients.Identity, new RaviRequestOptions { OnResponse = r => response = r });

        Assert.Equal("bot", identity.Name);
        Assert.NotNull(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-GET", response.RequestId);
        Assert.Equal("41", response.GetHeader("x-rate-remaining"));
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task The_callback_sees_each_page_of_a_list_and_each_request_of_a_lookup()
    {
        var page = 0;
        await using var api = Api(x => x.Request.Path == "/api/vault/"
            ? x.RespondAsync(200, $$"""{"count":2,"next":{{(x.Request.Target.Contains("offset", StringComparison.Ordinal) ? "null" : "\"/api/vault/?key=API_KEY&offset=1\"")}},"results":[]}""", ("X-Request-Id", "page-" + Interlocked.Increment(ref page)))
            : x.RespondAsync(200, SecretJson, ("X-Request-Id", "get")));
        using var client = HostileClients.Create(api);
        var seen = new List<string>();
        var options = new RaviRequestOptions { OnResponse = r => seen.Add(r.RequestId ?? "") };

        await client.ForIdentity(HostileClients.Identity).Vault.ListAsync(options).ToListAsync();

        Assert.Equal(["page-1", "page-2"], seen);
    }

    [Fact]
    public async Task A_retried_call_reports_its_attempts()
    {
        var calls = 0;
        await using var api = Api(x => Interlocked.Increment(ref calls) == 1
            ? x.RespondAsync(503, """{"detail":"busy"}""")
            : x.RespondAsync(200, HostileClients.IdentityJson));
        using var client = HostileClients.Create(api);
        RaviResponse? response = null;

        await client.Identities.GetAsync(HostileClients.Identity, new RaviRequestOptions { OnResponse = r => response = r });

        Assert.Equal(2, response!.Attempts);
    }

    [Fact]
    public async Task The_call_timeout_replaces_the_client_timeout_on_the_fake_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var answer = new TaskCompletionSource();
        using var transport = new StubHandler(async (_, _, ct) =>
        {
            await answer.Task.WaitAsync(ct);
            return StubHandler.Json(HttpStatusCode.OK, HostileClients.IdentityJson);
        });
        var options = TestClients.Options(time, "ravi_id_key");
        options.OverallTimeout = TimeSpan.FromMinutes(10);
        options.MaxRetries = 0;
        using var client = TestClients.Create(options, transport);

        var call = client.Identities.GetAsync(HostileClients.Identity, new RaviRequestOptions { OverallTimeout = TimeSpan.FromSeconds(5) });
        await WaitUntilAsync(() => transport.Requests.Count == 1);
        time.Advance(TimeSpan.FromSeconds(5));

        var timeout = Assert.IsType<RaviRequestTimeoutException>(await HostileClients.Failure(() => call));
        Assert.Equal(RaviTimeoutKind.Overall, timeout.Kind);
        Assert.Equal(TimeSpan.FromSeconds(5), timeout.Timeout);
    }

    [Fact]
    public async Task An_infinite_call_timeout_outlives_the_client_attempt_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var answer = new TaskCompletionSource();
        using var transport = new StubHandler(async (_, _, ct) =>
        {
            await answer.Task.WaitAsync(ct);
            return StubHandler.Json(HttpStatusCode.OK, HostileClients.IdentityJson);
        });
        var options = TestClients.Options(time, "ravi_id_key");
        options.AttemptTimeout = TimeSpan.FromSeconds(1);
        options.MaxRetries = 0;
        using var client = TestClients.Create(options, transport);

        var slow = client.Identities.GetAsync(HostileClients.Identity, new RaviRequestOptions { AttemptTimeout = Timeout.InfiniteTimeSpan });
        var normal = client.Identities.GetAsync(HostileClients.Identity);
        await WaitUntilAsync(() => transport.Requests.Count == 2);
        time.Advance(TimeSpan.FromSeconds(30));
        var failed = await HostileClients.Failure(() => normal);
        answer.SetResult();

        Assert.Equal(RaviTimeoutKind.Attempt, Assert.IsType<RaviRequestTimeoutException>(failed).Kind);
        Assert.Equal("bot", (await HostileClients.Within(slow)).Name);
    }

    [Fact]
    public async Task The_options_token_cancels_the_call()
    {
        var started = new TaskCompletionSource();
        await using var api = Api(async x =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, x.Stopping);
        });
        using var client = HostileClients.Create(api);
        using var cts = new CancellationTokenSource();

        var call = client.Identities.GetAsync(HostileClients.Identity, new RaviRequestOptions { CancellationToken = cts.Token });
        await HostileClients.Within(started.Task);
        await cts.CancelAsync();

        Assert.IsAssignableFrom<OperationCanceledException>(await HostileClients.Failure(() => call));
    }

    [Fact]
    public async Task The_event_stream_takes_headers_and_reports_each_connection()
    {
        await using var api = Api(async x =>
        {
            await x.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-Request-Id: stream-1\r\n\r\nid: 1\ndata: {}\n\n");
            await Task.Delay(Timeout.Infinite, x.Stopping);
        });
        using var client = HostileClients.Create(api);
        var connections = new List<string>();
        var requestOptions = new RaviRequestOptions { OnResponse = r => connections.Add(r.RequestId ?? "") };
        requestOptions.Headers["X-Trace-Id"] = "stream-trace";

        await using var events = client.ForIdentity(HostileClients.Identity).Events
            .StreamAsync(new RaviEventStreamOptions { RequestOptions = requestOptions }).GetAsyncEnumerator();
        Assert.True(await HostileClients.Within(events.MoveNextAsync().AsTask()));

        Assert.Equal("1", events.Current.Id);
        Assert.Equal("stream-trace", Assert.Single(api.Requests).Header("X-Trace-Id"));
        Assert.Equal(["stream-1"], connections);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the precondition was never reached");
    }
}

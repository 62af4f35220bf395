using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;
using Ravi.Sdk.Tests.Http.Hostile;

namespace Ravi.Sdk.Tests.Http.Resilience;

/// <summary>
/// Item 3 of issue 13: handlers added with <see cref="RaviClientOptions.AddPolicy(DelegatingHandler, RaviPipelinePosition)"/>
/// run at fixed positions (PerCall once per operation, PerTry once per wire request after authentication), in the order
/// added, keep the error rules, never see credentials on a request for another origin, and the presigned upload goes
/// through the same chain (retry of its PUT, timeouts, log line). 127.0.0.1 plays the API, 127.0.0.2 the storage host.
/// </summary>
public sealed class PolicyHandlerTests
{
    private const string ListJson = "[" + HostileClients.IdentityJson + "]";

    [Fact]
    public async Task A_PerTry_handler_sees_every_attempt_with_the_bearer_and_a_PerCall_handler_sees_the_call_once()
    {
        var gets = 0;
        await using var api = HostileServer.Start(HostileServer.Api, x =>
            Interlocked.Increment(ref gets) <= 2 ? x.RespondAsync(503, """{"detail":"busy"}""") : x.RespondAsync(200, ListJson));
        var perCall = new Recorder("call");
        var perTry = new Recorder("try");
        using var client = HostileClients.Create(api, o => o.AddPolicy(perCall, RaviPipelinePosition.PerCall).AddPolicy(perTry, RaviPipelinePosition.PerTry));

        var identities = await HostileClients.Within(client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Single(identities);
        Assert.Equal(3, api.Count("GET", "/api/identities/"));
        var call = Assert.Single(perCall.Requests);
        Assert.Null(call.Authorization); // outside authentication
        Assert.Equal([200], perCall.Statuses);
        Assert.Equal(3, perTry.Requests.Count);
        Assert.All(perTry.Requests, r => Assert.Equal("Bearer " + HostileClients.Token, r.Authorization));
        Assert.Equal([503, 503, 200], perTry.Statuses);
    }

    [Fact]
    public async Task Handlers_run_in_the_order_added_and_what_they_add_goes_on_the_wire()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, ListJson));
        var order = new ConcurrentQueue<string>();
        using var client = HostileClients.Create(api, o => o
            .AddPolicy(new Recorder("try-1", order), RaviPipelinePosition.PerTry)
            .AddPolicy(new Recorder("call-1", order), RaviPipelinePosition.PerCall)
            .AddPolicy(() => new Recorder("try-2", order), RaviPipelinePosition.PerTry)
            .AddPolicy(new Recorder("call-2", order), RaviPipelinePosition.PerCall));

        await HostileClients.Within(client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(["call-1>", "call-2>", "try-1>", "try-2>", "<try-2", "<try-1", "<call-2", "<call-1"], order);
        var wire = Assert.Single(api.Requests);
        Assert.Equal("call-1, call-2, try-1, try-2", wire.Header("X-Policy"));
    }

    [Theory]
    [InlineData(RaviPipelinePosition.PerCall)]
    [InlineData(RaviPipelinePosition.PerTry)]
    public async Task A_handler_that_throws_ends_the_call_with_a_RaviException_naming_it_and_is_not_retried(RaviPipelinePosition position)
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, ListJson));
        var throwing = new Throwing();
        using var client = HostileClients.Create(api, o => o.AddPolicy(throwing, position));

        var ex = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(typeof(RaviException), ex.GetType());
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Contains(nameof(Throwing), ex.Message, StringComparison.Ordinal);
        Assert.Contains(position.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/identities/", ex.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
        Assert.Equal(1, throwing.Calls);
    }

    [Fact]
    public async Task Errors_from_below_a_handler_pass_unchanged()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Path == "/api/identities/"
            ? x.RespondAsync(404, """{"detail":"nope"}""")
            : Reset(x));
        using var client = HostileClients.Create(api, o => o
            .AddPolicy(new Recorder("call"), RaviPipelinePosition.PerCall)
            .AddPolicy(new Recorder("try"), RaviPipelinePosition.PerTry));

        var notFound = await HostileClients.Failure(() => client.Identities.ListAsync().ToListAsync().AsTask());
        var reset = await HostileClients.Failure(() => client.Subscription.GetAsync());

        Assert.IsType<RaviNotFoundException>(notFound);
        var connection = Assert.IsType<RaviConnectionException>(reset);
        Assert.Equal(4, connection.Attempts); // the GET was retried under the PerTry handler
    }

    [Fact]
    public async Task A_handler_instance_serves_one_client_and_a_factory_gives_each_client_its_own()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, ListJson));
        var shared = new Recorder("shared");
        var options = HostileClients.Options(api).AddPolicy(shared, RaviPipelinePosition.PerTry);
        using var first = new RaviClient(options);

        var second = Assert.Throws<ArgumentException>(() => new RaviClient(options));
        var copy = Assert.Throws<ArgumentException>(() => new RaviClient(options.Clone()));
        var otherOptions = Assert.Throws<ArgumentException>(() => new RaviClient(HostileClients.Options(api).AddPolicy(() => shared, RaviPipelinePosition.PerCall)));

        Assert.Contains("already used by another RaviClient", second.Message, StringComparison.Ordinal);
        Assert.Contains("AddPolicy(() => new", second.Message, StringComparison.Ordinal);
        Assert.Contains("already used by another RaviClient", copy.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Recorder), otherOptions.Message, StringComparison.Ordinal);

        var created = new ConcurrentQueue<Recorder>();
        var factoryOptions = HostileClients.Options(api).AddPolicy(() =>
        {
            var r = new Recorder("per-client");
            created.Enqueue(r);
            return r;
        }, RaviPipelinePosition.PerTry);
        using var a = new RaviClient(factoryOptions);
        using var b = new RaviClient(factoryOptions);
        await HostileClients.Within(a.Identities.ListAsync().ToListAsync().AsTask());
        await HostileClients.Within(b.Identities.ListAsync().ToListAsync().AsTask());
        await HostileClients.Within(first.Identities.ListAsync().ToListAsync().AsTask());

        Assert.Equal(2, created.Count);
        Assert.All(created, r => Assert.Single(r.Requests));
        Assert.Single(shared.Requests);
    }

    [Fact]
    public void AddPolicy_refuses_bad_input_at_once()
    {
        var options = new RaviClientOptions();
        using var chained = new Recorder("x") { InnerHandler = new HttpClientHandler() };
        using var once = new Recorder("once");
        options.AddPolicy(once, RaviPipelinePosition.PerCall);

        Assert.Throws<ArgumentNullException>(() => options.AddPolicy((DelegatingHandler)null!, RaviPipelinePosition.PerTry));
        Assert.Throws<ArgumentNullException>(() => options.AddPolicy((Func<DelegatingHandler>)null!, RaviPipelinePosition.PerTry));
        Assert.Throws<ArgumentException>(() => options.AddPolicy(chained, RaviPipelinePosition.PerTry));
        Assert.Throws<ArgumentException>(() => options.AddPolicy(once, RaviPipelinePosition.PerTry));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.AddPolicy(new Recorder("y"), (RaviPipelinePosition)7));
    }

    [Fact]
    public async Task Handlers_work_over_the_callers_HttpClient_and_under_AddRavi()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, ListJson));
        var overHttpClient = new Recorder("http-client");
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        using (var client = new RaviClient(http, HostileClients.Options(api).AddPolicy(overHttpClient, RaviPipelinePosition.PerTry)))
        {
            await HostileClients.Within(client.Identities.ListAsync().ToListAsync().AsTask());
        }

        var underDi = new ConcurrentQueue<Recorder>();
        var services = new ServiceCollection();
        services.AddRavi(o =>
        {
            o.BaseAddress = api.BaseAddress;
            o.AccessToken = HostileClients.Token;
            o.UseCliConfiguration = false;
            o.AddPolicy(() =>
            {
                var r = new Recorder("di");
                underDi.Enqueue(r);
                return r;
            }, RaviPipelinePosition.PerCall);
        });
        await using (var sp = services.BuildServiceProvider())
        {
            await HostileClients.Within(sp.GetRequiredService<RaviClient>().Identities.ListAsync().ToListAsync().AsTask());
        }

        Assert.Equal("Bearer " + HostileClients.Token, Assert.Single(overHttpClient.Requests).Authorization);
        Assert.Single(Assert.Single(underDi).Requests);
        Assert.Equal(2, api.Count("GET", "/api/identities/"));
        Assert.Equal(["http-client", "di"], api.Requests.Select(r => r.Header("X-Policy")));
    }

    [Fact]
    public async Task The_presigned_upload_goes_through_the_chain_without_credentials_and_its_PUT_is_retried_once_storage_faults()
    {
        var puts = 0;
        await using var storage = HostileServer.Start(HostileServer.Foreign, x =>
            Interlocked.Increment(ref puts) == 1 ? x.RespondAsync(503, "<Error>SlowDown</Error>"u8.ToArray(), "application/xml") : x.RespondAsync(200));
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200));
        var perCall = new Recorder("call");
        var perTry = new Recorder("try");
        var logs = new CapturingLoggerProvider();
        using var client = HostileClients.Create(api, o =>
        {
            o.LoggerFactory = logs;
            o.AddPolicy(perCall, RaviPipelinePosition.PerCall).AddPolicy(perTry, RaviPipelinePosition.PerTry);
        });
        var upload = new PresignedUpload { Uuid = "3f2b8c1e-2222-4222-8333-944455556666", UploadUrl = new Uri(storage.Url("bucket/key?sig=abc")), StorageKey = "key" };
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        using var body = new MemoryStream(bytes);

        await HostileClients.Within(client.ForIdentity(HostileClients.Identity).Attachments.UploadAsync(upload, body, "application/pdf", bytes.Length));

        var wire = storage.Requests.ToArray();
        Assert.Equal(2, wire.Length);
        Assert.All(wire, put =>
        {
            Assert.Equal("PUT", put.Method);
            Assert.Equal(bytes, put.Body); // rewound for the retry, not buffered twice or cut
            Assert.Null(put.Header("Authorization"));
            Assert.Null(put.Header("X-Ravi-Identity"));
            Assert.Null(put.Header("User-Agent"));
        });
        Assert.Empty(api.Requests);
        Assert.Single(perCall.Requests);
        Assert.Equal(2, perTry.Requests.Count);
        Assert.All(perTry.Requests.Concat(perCall.Requests), r =>
        {
            Assert.Null(r.Authorization);
            Assert.Null(r.Identity);
        });
        Assert.Equal([503, 200], perTry.Statuses);
        Assert.Contains(logs.Lines, l => l.Contains("PUT", StringComparison.Ordinal) && l.Contains("/bucket/key", StringComparison.Ordinal) && !l.Contains("sig=", StringComparison.Ordinal));
        Assert.True(body.CanRead, "the caller's stream is not disposed");
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_seek_is_sent_once()
    {
        await using var storage = HostileServer.Start(HostileServer.Foreign, x => x.RespondAsync(503, "<Error>SlowDown</Error>"u8.ToArray(), "application/xml"));
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200));
        using var client = HostileClients.Create(api);
        var upload = new PresignedUpload { Uuid = "3f2b8c1e-2222-4222-8333-944455556666", UploadUrl = new Uri(storage.Url("bucket/key")), StorageKey = "key" };
        using var body = new ChunkedStream([1, 2, 3]);

        var ex = await HostileClients.Failure(() => client.Attachments.UploadAsync(upload, body, "application/pdf", 3));

        Assert.IsType<RaviServerException>(ex);
        Assert.Equal([1, 2, 3], Assert.Single(storage.Requests).Body);
    }

    [Fact]
    public async Task An_upload_that_gets_no_answer_ends_with_the_attempt_timeout()
    {
        await using var storage = HostileServer.Start(HostileServer.Foreign, x => Task.Delay(Timeout.Infinite, x.Stopping));
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200));
        using var client = HostileClients.Create(api, o =>
        {
            o.MaxRetries = 0;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        });
        var upload = new PresignedUpload { Uuid = "3f2b8c1e-2222-4222-8333-944455556666", UploadUrl = new Uri(storage.Url("bucket/key")), StorageKey = "key" };
        using var body = new MemoryStream([1, 2, 3]);

        var ex = await HostileClients.Failure(() => client.Attachments.UploadAsync(upload, body, "application/pdf", 3));

        var timeout = Assert.IsType<RaviRequestTimeoutException>(ex);
        Assert.Equal(RaviTimeoutKind.Attempt, timeout.Kind);
    }

    [Fact]
    public async Task A_request_a_PerCall_handler_sends_to_another_host_reaches_PerTry_handlers_and_the_wire_without_credentials()
    {
        await using var foreign = HostileServer.Start(HostileServer.Foreign, x => x.RespondAsync(200, "[]"));
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, ListJson));
        var perTry = new Recorder("try");
        using var client = HostileClients.Create(api, o => o
            .AddPolicy(new Rewriter(foreign.BaseAddress), RaviPipelinePosition.PerCall)
            .AddPolicy(perTry, RaviPipelinePosition.PerTry));

        await HostileClients.Within(client.ForIdentity(HostileClients.Identity).EmailInbox.ListThreadsAsync().ToListAsync().AsTask());

        var seen = Assert.Single(perTry.Requests);
        Assert.Equal(foreign.BaseAddress.Authority, seen.Uri.Authority);
        Assert.Null(seen.Authorization);
        Assert.Null(seen.Identity);
        var wire = Assert.Single(foreign.Requests);
        Assert.Null(wire.Header("Authorization"));
        Assert.Null(wire.Header("X-Ravi-Identity"));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_handler_that_sends_an_email_twice_is_refused_and_the_email_goes_out_once()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(500, """{"detail":"sent, then crashed"}"""));
        using var client = HostileClients.Create(api, o => o.AddPolicy(new Resender(), RaviPipelinePosition.PerTry));

        var ex = await HostileClients.Failure(() => client.ForIdentity(HostileClients.Identity).EmailMessages.ComposeAsync(HostileClients.Email));

        Assert.IsAssignableFrom<RaviException>(ex);
        Assert.Contains("AddPolicy", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, api.Count("POST", "/api/email-messages/compose/"));
    }

    private static Task Reset(HostileExchange x)
    {
        x.Reset();
        return Task.CompletedTask;
    }

    /// <summary>What a handler saw of one request.</summary>
    private sealed record Seen(Uri Uri, string? Authorization, string? Identity);

    /// <summary>Records requests and statuses, adds its name to <c>X-Policy</c> and to <c>order</c> on the way in and out.</summary>
    private sealed class Recorder(string name, ConcurrentQueue<string>? order = null) : DelegatingHandler
    {
        public ConcurrentQueue<Seen> Requests { get; } = new();

        public ConcurrentQueue<int> Statuses { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            order?.Enqueue(name + ">");
            Requests.Enqueue(new Seen(request.RequestUri!, request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("X-Ravi-Identity", out var ids) ? ids.Single() : null));
            request.Headers.TryAddWithoutValidation("X-Policy", name);

            var response = await base.SendAsync(request, cancellationToken);
            Statuses.Enqueue((int)response.StatusCode);
            order?.Enqueue("<" + name);
            return response;
        }
    }

    private sealed class Throwing : DelegatingHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("the handler is broken");
        }
    }

    private sealed class Rewriter(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(target, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A naive retrying handler: sends the same message again after a 5xx.</summary>
    private sealed class Resender : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500)
            {
                return response;
            }

            response.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Hostile;

/// <summary>Item 1 of issue 10: every wire attempt (retry, replay after refresh, redirect hop) is a new HttpRequestMessage.</summary>
public sealed class FreshRequestPerAttemptTests
{
    private sealed class MessageRecorder(Func<int, HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public ConcurrentQueue<HttpRequestMessage> Seen { get; } = new();

        public ConcurrentQueue<string?> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Enqueue(request);
            Bodies.Enqueue(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
            var response = respond(Seen.Count, request);
            response.RequestMessage = request;
            return response;
        }
    }

    [Fact]
    public async Task Each_retry_sends_a_new_message_with_the_same_method_uri_headers_body_and_options()
    {
        using var transport = new MessageRecorder((n, _) => n < 3
            ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")
            : StubHandler.Json(HttpStatusCode.OK, """{"uuid":"3f2b8c1e-1111-4222-8333-944455556666","name":"renamed"}"""));
        var options = TestClients.Options(TimeProvider.System, "ravi_mgmt_key");
        options.MaxRetries = 3;
        using var client = TestClients.Create(options, transport);

        await client.Identities.UpdateAsync(TestClients.Identity, "renamed");

        var seen = transport.Seen.ToArray();
        Assert.Equal(3, seen.Length);
        Assert.Equal(3, seen.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.All(seen, m => Assert.Equal(seen[0].Method, m.Method));
        Assert.All(seen, m => Assert.Equal(seen[0].RequestUri, m.RequestUri));
        Assert.All(seen, m => Assert.Equal("Bearer ravi_mgmt_key", m.Headers.Authorization?.ToString()));
        Assert.All(seen, m => Assert.Equal(seen[0].Headers.UserAgent.ToString(), m.Headers.UserAgent.ToString()));
        Assert.All(seen, m => Assert.Equal("application/json", m.Content?.Headers.ContentType?.MediaType));
        Assert.Single(transport.Bodies.Distinct());
        Assert.Contains("renamed", transport.Bodies.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_replay_after_a_refresh_is_a_new_message()
    {
        var renewed = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1));
        using var transport = new MessageRecorder((_, m) => m.RequestUri!.AbsolutePath switch
        {
            "/api/auth/token/refresh/" => StubHandler.Json(HttpStatusCode.OK, $$"""{"access":"{{renewed}}"}"""),
            _ when m.Headers.Authorization?.Parameter == renewed => StubHandler.Json(HttpStatusCode.OK, "[]"),
            _ => StubHandler.Json(HttpStatusCode.Unauthorized, """{"code":"token_expired"}"""),
        });
        using var client = TestClients.Create(TestClients.Options(TimeProvider.System, TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)), "r1"), transport);

        await client.Identities.ListAsync().ToListAsync();

        var lists = transport.Seen.Where(m => m.RequestUri!.AbsolutePath == "/api/identities/").ToArray();
        Assert.Equal(2, lists.Length);
        Assert.NotSame(lists[0], lists[1]);
        Assert.Equal("Bearer " + renewed, lists[1].Headers.Authorization?.ToString());
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Ravi.Sdk.Tests.Support;

/// <summary>An in-memory transport: routes each request to a delegate and records it (thread-safe).</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, StubRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly TimeProvider _time;

    public StubHandler(Func<HttpRequestMessage, StubRequest, CancellationToken, Task<HttpResponseMessage>> respond, TimeProvider? time = null)
    {
        _respond = respond;
        _time = time ?? TimeProvider.System;
    }

    public StubHandler(Func<StubRequest, HttpResponseMessage> respond, TimeProvider? time = null)
        : this((_, r, _) => Task.FromResult(respond(r)), time)
    {
    }

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new StubRequest(request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(), body, _time.GetUtcNow(), headers);
        Requests.Enqueue(recorded);
        var response = await _respond(request, recorded, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

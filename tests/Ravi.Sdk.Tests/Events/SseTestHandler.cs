using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.Tests.Events;

/// <summary>A transport that answers each request with the next queued response and records what was sent.</summary>
internal sealed class SseTestHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _responses = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly List<SentRequest> _requests = [];

    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public ControlledStream EnqueueStream(string? contentType = "text/event-stream")
    {
        var stream = new ControlledStream();
        Enqueue(() =>
        {
            var content = new StreamContent(stream);
            if (contentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        return stream;
    }

    public void EnqueueStatus(HttpStatusCode status, string body = "{\"detail\":\"nope\"}") =>
        Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    public void Enqueue(Func<HttpResponseMessage> response)
    {
        _responses.Enqueue(response);
        _available.Release();
    }

    public async Task WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Requests.Count < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(new SentRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.TryGetValues(RaviHeaders.LastEventId, out var id) ? id.Single() : null,
                request.Headers.Accept.ToString(),
                request.Headers.TryGetValues(RaviHeaders.Identity, out var identity) ? identity.Single() : null,
                request.Headers.Authorization?.ToString(),
                request.Options.TryGetValue(RaviHeaders.Streaming, out var streaming) && streaming));
        }

        await _available.WaitAsync(cancellationToken);
        _responses.TryDequeue(out var next);
        var response = next!();
        response.RequestMessage = request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        _available.Dispose();
        base.Dispose(disposing);
    }

    internal sealed record SentRequest(HttpMethod Method, Uri Uri, string? LastEventId, string Accept, string? Identity, string? Authorization, bool Streaming);
}

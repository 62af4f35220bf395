using System.Collections.Concurrent;

namespace Ravi.Sdk.Tests.DependencyInjection;

/// <summary>A host's own handler added through the IHttpClientBuilder returned by AddRavi: stamps a header and records the Authorization it saw.</summary>
internal sealed class StampHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<string?> _seenAuthorization;

    public StampHandler(ConcurrentQueue<string?> seenAuthorization) => _seenAuthorization = seenAuthorization;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-Host-Handler", "ran");
        _seenAuthorization.Enqueue(request.Headers.Authorization?.ToString());
        return base.SendAsync(request, cancellationToken);
    }
}

namespace Ravi.Sdk.Http;

/// <summary>
/// The innermost handler when the caller supplies an <see cref="HttpClient"/> (directly or through
/// <c>IHttpClientFactory</c>): our auth and retry handlers run above it, and every attempt is forwarded
/// to the caller's client as a fresh request message (an <see cref="HttpClient"/> refuses to send one twice), carrying a
/// <see cref="RaviSendRecord"/> for <see cref="RaviReplayGuardHandler"/>. The SDK cannot switch off that client's automatic
/// redirects: <see cref="RaviOriginGuardHandler"/> above refuses the answer when it followed one to another origin.
/// </summary>
internal sealed class HttpClientForwardingHandler : HttpMessageHandler
{
    private readonly Func<HttpClient> _clientAccessor;
    private HttpMessageInvoker? _anonymousFallback;

    public HttpClientForwardingHandler(Func<HttpClient> clientAccessor)
    {
        _clientAccessor = clientAccessor;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = _clientAccessor();
        if (client.DefaultRequestHeaders.Authorization is not null &&
            request.Options.TryGetValue(RaviHeaders.Anonymous, out var anonymous) && anonymous)
        {
            // The caller's client would add its default Authorization header to a request that must carry none
            // (e.g. the presigned storage upload): send it on a private connection pool instead.
            var fallback = LazyInitializer.EnsureInitialized(ref _anonymousFallback, static () => new HttpMessageInvoker(RaviTransport.CreateDefault()));
            return fallback.SendAsync(request, cancellationToken);
        }

        var copy = RaviRequestCloner.Clone(request);
        copy.Options.Set(RaviHeaders.SendRecord, new RaviSendRecord(RaviRetryClassifier.IsIdempotent(request)));
        return client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _anonymousFallback?.Dispose();
        }

        base.Dispose(disposing);
    }
}

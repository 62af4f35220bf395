namespace Ravi.Sdk.Http;

/// <summary>
/// The innermost SDK handler, just above the transport: a request bound for another origin than the API (the presigned
/// upload) leaves without <c>Authorization</c>, <c>X-Ravi-Identity</c>, <c>Last-Event-ID</c> or the SDK's User-Agent; and a
/// response whose request URI moved to another origin (the transport followed a redirect: a caller's
/// <see cref="HttpClient"/> with <c>AllowAutoRedirect</c> on) is refused with <see cref="RaviRedirectException"/>, so no
/// foreign answer (data, tokens, a "sent") is ever taken for the API's.
/// </summary>
internal sealed class RaviOriginGuardHandler : DelegatingHandler
{
    private readonly Uri _baseAddress;

    public RaviOriginGuardHandler(Uri baseAddress) => _baseAddress = baseAddress;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.RequestUri!;
        if (!RaviOrigin.IsSame(sent, _baseAddress))
        {
            RaviOrigin.StripRaviHeaders(request);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.RequestMessage?.RequestUri is { } final && !RaviOrigin.IsSame(final, sent))
        {
            var error = RaviRedirectPolicy.FollowedByTransport(request, response, final);
            response.Dispose();
            throw error;
        }

        return response;
    }
}

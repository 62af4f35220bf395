namespace Ravi.Sdk.Http;

/// <summary>
/// Reads every response body (except an event stream's and a redirect's) into memory inside the attempt, under
/// <see cref="RaviClientOptions.MaxResponseBytes"/> (see <see cref="RaviResponseReader"/>). The attempt and overall
/// timeouts therefore bound the body as well as the headers, and a connection lost mid-body fails the attempt (so a GET is
/// retried) instead of failing the caller's parsing later.
/// </summary>
internal sealed class RaviResponseBufferingHandler : DelegatingHandler
{
    private readonly long _limit;

    public RaviResponseBufferingHandler(long limit) => _limit = limit;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var stream = response.IsSuccessStatusCode && request.Options.TryGetValue(RaviHeaders.Streaming, out var streaming) && streaming;
        if (stream || RaviRedirectPolicy.IsRedirect(response))
        {
            return response;
        }

        try
        {
            response.RequestMessage ??= request;
            await RaviResponseReader.BufferAsync(response, _limit, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}

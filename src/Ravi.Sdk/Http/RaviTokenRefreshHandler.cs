using System.Net.Http.Headers;

namespace Ravi.Sdk.Http;

/// <summary>
/// Attaches the bearer token to every API request. (Refresh and the credential chain build on this.)
/// </summary>
internal sealed class RaviTokenRefreshHandler : DelegatingHandler
{
    private readonly string? _token;

    public RaviTokenRefreshHandler(RaviPipeline pipeline)
    {
        _token = pipeline.Options.AccessToken;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_token is not null && !(request.Options.TryGetValue(RaviHeaders.Anonymous, out var anonymous) && anonymous))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

using Microsoft.Extensions.Http;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>
/// Adds <see cref="RaviReplayGuardHandler"/> as the innermost additional handler of every Ravi client's
/// <c>IHttpClientFactory</c> chain, after all the handlers configured on the builder <c>AddRavi</c> returned.
/// </summary>
internal sealed class RaviReplayGuardFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly RaviRegistrations _registrations;

    public RaviReplayGuardFilter(RaviRegistrations registrations) => _registrations = registrations;

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name is { } name && _registrations.IsHttpClientName(name))
        {
            builder.AdditionalHandlers.Add(new RaviReplayGuardHandler());
        }
    };
}

using Ravi.Sdk.Http;
using Ravi.Sdk.TestSupport;

namespace Ravi.Sdk.IntegrationTests.Sdk.Support;

/// <summary>Clients whose connections a <see cref="ConnectionCounter"/> counts.</summary>
internal static class CountedClients
{
    /// <summary>A client over <see cref="RaviTransport.CreateDefault"/> (every setting the SDK's) with the counting connect callback.</summary>
    public static RaviClient CreateClient(this ConnectionCounter counter, RaviClientOptions options)
    {
        var prepared = options.Clone();
        prepared.Validate();
        return new RaviClient(prepared, _ =>
        {
            var transport = RaviTransport.CreateDefault();
            transport.ConnectCallback = counter.ConnectAsync;
            return (transport, true);
        }, loggerFactory: null);
    }
}

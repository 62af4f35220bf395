using Ravi.Sdk.Http;

namespace Ravi.Sdk.Benchmarks.Load;

/// <summary>The one <see cref="RaviClient"/> of the run: the SDK's own default transport, with a counting connect callback.</summary>
internal static class LoadClient
{
    /// <summary>
    /// Builds the client over <see cref="RaviTransport.CreateDefault"/> exactly as <c>new RaviClient(options)</c>
    /// does, except that the transport's <c>ConnectCallback</c> (unset by default, so the default connect) is the counting
    /// one. Every other transport setting (pooling, timeouts) is the SDK's.
    /// </summary>
    public static RaviClient Create(LoadServerProcess server, SocketCounter counter)
    {
        var options = new RaviClientOptions
        {
            BaseAddress = server.BaseAddress,
            AccessToken = server.AccessToken,
            RefreshToken = server.RefreshToken,
            UseCliConfiguration = false,
        };
        options.Validate();
        return new RaviClient(options, _ =>
        {
            var transport = RaviTransport.CreateDefault();
            transport.ConnectCallback = counter.ConnectAsync;
            return (transport, true);
        }, loggerFactory: null);
    }
}

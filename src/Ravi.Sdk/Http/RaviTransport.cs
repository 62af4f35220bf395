using System.Net;

namespace Ravi.Sdk.Http;

/// <summary>
/// The SDK's own transport: the <see cref="SocketsHttpHandler"/> a <see cref="RaviClient"/> creates and owns when it is not
/// given one (its <see cref="RaviHandlerChain"/> disposes it), and the primary handler <c>AddRavi</c> registers with
/// <c>IHttpClientFactory</c>.
/// </summary>
internal static class RaviTransport
{
    /// <summary>
    /// Creates the default transport. Automatic redirects are off: the resilience handler follows only the redirects
    /// <see cref="RaviRedirectPolicy"/> allows, as new attempts through the chain.
    /// </summary>
    public static SocketsHttpHandler CreateDefault() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        EnableMultipleHttp2Connections = true,

        // A response disposed before its end is an event stream the caller stopped (every other body is read in full
        // inside the attempt): close its connection now instead of draining it for up to ResponseDrainTimeout (2 s), which
        // for a stream that never ends only keeps a socket open next to whatever the caller opens next.
        MaxResponseDrainSize = 0,

        // SSE resumes with Last-Event-ID, which WHATWG sends as UTF-8; SocketsHttpHandler refuses non-ASCII header
        // values unless an encoding is chosen for them.
        RequestHeaderEncodingSelector = static (name, _) =>
            string.Equals(name, RaviHeaders.LastEventId, StringComparison.OrdinalIgnoreCase) ? System.Text.Encoding.UTF8 : null,
    };
}

namespace Ravi.Sdk.Http;

/// <summary>Builds the handler chain every API request goes through, outermost first.</summary>
internal static class RaviHandlerChain
{
    /// <summary>Composes the SDK's handlers over <paramref name="transport"/>.</summary>
    public static HttpMessageHandler Build(RaviPipeline pipeline, HttpMessageHandler transport)
    {
        var auth = new RaviTokenRefreshHandler(pipeline) { InnerHandler = transport };
        return auth;
    }
}

using System.Text.Json.Serialization.Metadata;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.Internal;

/// <summary>
/// What a sub-client works with: the shared pipeline and state, plus the (immutable) identity of its view.
/// </summary>
internal sealed class RaviScope
{
    public RaviScope(RaviPipeline pipeline, RaviSharedState shared, string? identityUuid)
    {
        Pipeline = pipeline;
        Shared = shared;
        IdentityUuid = identityUuid;
    }

    public RaviPipeline Pipeline { get; }

    public RaviSharedState Shared { get; }

    /// <summary>The identity of this view, or null for an account-level client.</summary>
    public string? IdentityUuid { get; }

    /// <summary>
    /// Whether requests made through this view ask for their connection to be closed after the response
    /// (<c>Connection: close</c>), so that they leave nothing idle in the pool. An OTP wait reads the inbox through such a
    /// view while its event stream holds the one connection it keeps.
    /// </summary>
    public bool CloseConnections { get; init; }

    /// <summary>Throws <see cref="RaviIdentityRequiredException"/> when <paramref name="scope"/> requires an identity and there is none.</summary>
    public void RequireIdentity(HttpMethod method, string relativePath, IdentityScope scope) =>
        RaviPipeline.CheckIdentity(method, relativePath, scope, IdentityUuid);

    /// <summary>Creates a request for this view.</summary>
    public HttpRequestMessage Request(HttpMethod method, string relativePath, IdentityScope scope)
    {
        var request = Pipeline.CreateRequest(method, relativePath, scope, IdentityUuid);
        if (CloseConnections)
        {
            request.Headers.ConnectionClose = true;
        }

        return request;
    }

    /// <summary>Lists a collection for this view (see <see cref="RaviPipeline.ListAsync{T}(string, IdentityScope, string?, JsonTypeInfo{T}, CancellationToken)"/>).</summary>
    public IAsyncEnumerable<T> ListAsync<T>(string relativePath, IdentityScope scope, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        Pipeline.ListAsync(relativePath, scope, IdentityUuid, typeInfo, CloseConnections, cancellationToken);
}

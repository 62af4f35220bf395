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

    /// <summary>Throws <see cref="RaviIdentityRequiredException"/> when <paramref name="scope"/> requires an identity and there is none.</summary>
    public void RequireIdentity(HttpMethod method, string relativePath, IdentityScope scope) =>
        RaviPipeline.CheckIdentity(method, relativePath, scope, IdentityUuid);

    /// <summary>Creates a request for this view, with the call's options applied.</summary>
    public HttpRequestMessage Request(HttpMethod method, string relativePath, IdentityScope scope, RaviRequestOptions? requestOptions = null) =>
        Pipeline.CreateRequest(method, relativePath, scope, IdentityUuid, requestOptions);
}

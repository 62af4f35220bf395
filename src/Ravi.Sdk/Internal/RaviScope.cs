using System.Text.Json.Serialization.Metadata;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.Internal;

/// <summary>
/// What a sub-client works with: the shared pipeline and state, plus the identity of its view — fixed for
/// <see cref="RaviClient.ForIdentity(string)"/> views, resolved on first use (the CLI's <c>config.json</c> chain) for a root
/// client created without one.
/// </summary>
internal sealed class RaviScope
{
    private readonly Func<string?>? _resolveIdentity;
    private string? _identityUuid;
    private int _resolved;

    public RaviScope(RaviPipeline pipeline, RaviSharedState shared, string? identityUuid)
    {
        Pipeline = pipeline;
        Shared = shared;
        _identityUuid = identityUuid;
        _resolved = 1;
    }

    /// <summary>A scope whose identity comes from <paramref name="resolveIdentity"/> (file I/O), run on first use, not here.</summary>
    public RaviScope(RaviPipeline pipeline, RaviSharedState shared, Func<string?> resolveIdentity)
    {
        Pipeline = pipeline;
        Shared = shared;
        _resolveIdentity = resolveIdentity;
    }

    public RaviPipeline Pipeline { get; }

    public RaviSharedState Shared { get; }

    /// <summary>The identity of this view, or null for an account-level client.</summary>
    public string? IdentityUuid
    {
        get
        {
            if (Volatile.Read(ref _resolved) == 0)
            {
                Resolve();
            }

            return Volatile.Read(ref _identityUuid);
        }
    }

    /// <summary>
    /// Whether requests made through this view ask for their connection to be closed after the response
    /// (<c>Connection: close</c>), so that they leave nothing idle in the pool. An OTP wait reads the inbox through such a
    /// view while its event stream holds the one connection it keeps.
    /// </summary>
    public bool CloseConnections { get; init; }

    /// <summary>The identity as far as it is known, without running the identity chain (for <c>ToString</c>).</summary>
    public string Describe() =>
        Volatile.Read(ref _resolved) == 0 ? "not resolved yet" : Volatile.Read(ref _identityUuid) ?? "none";

    /// <summary>
    /// Throws <see cref="RaviIdentityRequiredException"/> when <paramref name="scope"/> requires an identity and there is none
    /// (the identity chain runs once more first, in case <c>config.json</c> appeared since).
    /// </summary>
    public void RequireIdentity(HttpMethod method, string relativePath, IdentityScope scope)
    {
        if (scope == IdentityScope.Required && IdentityUuid is null && _resolveIdentity is not null)
        {
            Resolve();
        }

        RaviRequestFactory.CheckIdentity(method, relativePath, scope, IdentityUuid);
    }

    /// <summary>Creates a request for this view, with the call's options applied (an account-level request does not need the identity resolved).</summary>
    public HttpRequestMessage Request(HttpMethod method, string relativePath, IdentityScope scope, RaviRequestOptions? requestOptions = null)
    {
        if (scope == IdentityScope.Required)
        {
            RequireIdentity(method, relativePath, scope);
        }

        return Pipeline.Requests.Create(method, relativePath, scope, scope == IdentityScope.None ? null : IdentityUuid, OptionsFor(requestOptions));
    }

    /// <summary>
    /// The options for a request of this view: <paramref name="requestOptions"/> as given, or, for a view that closes its
    /// connections, a copy that asks for <c>Connection: close</c>.
    /// </summary>
    public RaviRequestOptions? OptionsFor(RaviRequestOptions? requestOptions)
    {
        if (!CloseConnections)
        {
            return requestOptions;
        }

        var options = requestOptions?.Clone() ?? new RaviRequestOptions();
        options.CloseConnection = true;
        return options;
    }

    private void Resolve()
    {
        if (_resolveIdentity is null)
        {
            return;
        }

        var found = _resolveIdentity();
        if (found is not null || Volatile.Read(ref _identityUuid) is null)
        {
            Volatile.Write(ref _identityUuid, found);
        }

        Volatile.Write(ref _resolved, 1);
    }
}

using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Resources;

/// <summary>Identities: <c>/api/identities/</c>. Account-level (no identity header).</summary>
public class IdentitiesClient
{
    private const string Path = "api/identities/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected IdentitiesClient()
    {
    }

    internal IdentitiesClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists every identity of the account (<c>GET /api/identities/</c>).</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each page request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The identities; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<Identity> ListAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return _scope.Pipeline.List(Path, IdentityScope.None, null, RaviJsonContext.Default.Identity, _scope.OptionsFor(requestOptions), cancellationToken);
    }

    /// <summary>Creates an identity (<c>POST /api/identities/</c>). A taken name gives <see cref="RaviConflictException"/>.</summary>
    /// <param name="name">The identity's name (becomes the inbox local part).</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new identity with its inbox and phone.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<Identity> CreateAsync(string name, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.NotEmpty(name);
        var request = _scope.Request(HttpMethod.Post, Path, IdentityScope.None, requestOptions);
        RaviRequestFactory.SetJsonBody(request, new IdentityWriteBody(name), RaviJsonContext.Default.IdentityWriteBody);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.Identity, cancellationToken);
    }

    /// <summary>Gets one identity (<c>GET /api/identities/{uuid}/</c>).</summary>
    /// <param name="identityUuid">The identity's UUID.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<Identity> GetAsync(string identityUuid, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(identityUuid);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{identityUuid}/", IdentityScope.None, requestOptions);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.Identity, cancellationToken);
    }

    /// <summary>Renames an identity (<c>PUT /api/identities/{uuid}/</c>).</summary>
    /// <param name="identityUuid">The identity's UUID.</param>
    /// <param name="name">The new name.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated identity.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<Identity> UpdateAsync(string identityUuid, string name, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(identityUuid);
        Guard.NotEmpty(name);
        var request = _scope.Request(HttpMethod.Put, $"{Path}{identityUuid}/", IdentityScope.None, requestOptions);
        RaviRequestFactory.SetJsonBody(request, new IdentityWriteBody(name), RaviJsonContext.Default.IdentityWriteBody);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.Identity, cancellationToken);
    }

    /// <summary>Deletes an identity with its inbox, number and vault (<c>DELETE /api/identities/{uuid}/</c>).</summary>
    /// <param name="identityUuid">The identity's UUID.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the identity is deleted.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task DeleteAsync(string identityUuid, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.Uuid(identityUuid);
        var request = _scope.Request(HttpMethod.Delete, $"{Path}{identityUuid}/", IdentityScope.None, requestOptions);
        return _scope.Pipeline.SendAsync(request, cancellationToken);
    }
}

using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>The identity's phone numbers: <c>/api/phone/</c>. Requires an identity.</summary>
public class PhoneClient
{
    private const string Path = "api/phone/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected PhoneClient()
    {
    }

    internal PhoneClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists the identity's phone numbers (<c>GET /api/phone/</c>).</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each page request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The phone numbers; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity (thrown by this call, before enumerating).</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<Phone> ListAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        _scope.RequireIdentity(HttpMethod.Get, Path, IdentityScope.Required);
        return _scope.Pipeline.List(Path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.Phone, _scope.OptionsFor(requestOptions), cancellationToken);
    }
}

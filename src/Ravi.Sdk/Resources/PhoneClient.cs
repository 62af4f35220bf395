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

    /// <summary>Constructor for mocking frameworks.</summary>
    protected PhoneClient()
    {
    }

    internal PhoneClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists the identity's phone numbers (<c>GET /api/phone/</c>).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The phone numbers.</returns>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    public virtual IAsyncEnumerable<Phone> ListAsync(CancellationToken cancellationToken = default)
    {
        _scope.RequireIdentity(HttpMethod.Get, Path, IdentityScope.Required);
        return _scope.Pipeline.ListAsync(Path, IdentityScope.Required, _scope.IdentityUuid, RaviJsonContext.Default.Phone, cancellationToken);
    }
}

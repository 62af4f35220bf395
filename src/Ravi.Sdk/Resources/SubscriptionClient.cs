using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>The account's subscription: <c>/api/subscription/</c>.</summary>
public class SubscriptionClient
{
    private const string Path = "api/subscription/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected SubscriptionClient()
    {
    }

    internal SubscriptionClient(RaviScope scope) => _scope = scope;

    /// <summary>Gets the subscription status (<c>GET /api/subscription/</c>).</summary>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<Subscription> GetAsync(RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Get, Path, IdentityScope.None, requestOptions), RaviJsonContext.Default.Subscription, cancellationToken);
    }
}

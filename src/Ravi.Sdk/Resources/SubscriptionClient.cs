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

    /// <summary>Constructor for mocking frameworks.</summary>
    protected SubscriptionClient()
    {
    }

    internal SubscriptionClient(RaviScope scope) => _scope = scope;

    /// <summary>Gets the subscription status (<c>GET /api/subscription/</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription.</returns>
    public virtual Task<Subscription> GetAsync(CancellationToken cancellationToken = default) =>
        _scope.Pipeline.SendAsync(_scope.Request(HttpMethod.Get, Path, IdentityScope.None), RaviJsonContext.Default.Subscription, cancellationToken);
}

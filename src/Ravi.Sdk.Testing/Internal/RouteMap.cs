using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// Maps endpoints as plain <see cref="RequestDelegate"/>s (no minimal-API parameter binding, whose per-server code
/// generation would cost hundreds of milliseconds at every start), running authentication and identity scoping first.
/// </summary>
internal static class RouteMap
{
    public static void Handle(this WebApplication app, string method, string pattern, ServerState state, EndpointScope scope,
        Func<HttpContext, IResult> handler) =>
        app.MapMethods(pattern, [method], context => (Authorize(state, context, scope) ?? handler(context)).ExecuteAsync(context));

    public static void HandleAsync(this WebApplication app, string method, string pattern, ServerState state, EndpointScope scope,
        Func<HttpContext, Task<IResult>> handler) =>
        app.MapMethods(pattern, [method], async context =>
        {
            var result = Authorize(state, context, scope) ?? await handler(context).ConfigureAwait(false);
            await result.ExecuteAsync(context).ConfigureAwait(false);
        });

    /// <summary>A route value matched by the pattern.</summary>
    public static string Route(this HttpContext context, string name) => context.GetRouteValue(name) as string ?? "";

    /// <summary>A route value matched by a <c>:long</c> constraint.</summary>
    public static long RouteLong(this HttpContext context, string name) => long.Parse(context.Route(name), CultureInfo.InvariantCulture);

    private static IResult? Authorize(ServerState state, HttpContext context, EndpointScope scope) =>
        scope == EndpointScope.Anonymous
            ? null
            : Access.Authenticate(state, context, withIdentity: scope is EndpointScope.Identity or EndpointScope.OptionalIdentity,
                identityRequired: scope == EndpointScope.Identity);
}

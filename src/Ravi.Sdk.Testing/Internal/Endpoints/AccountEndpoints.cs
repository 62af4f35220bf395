using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary><c>GET /api/phone/</c> (the identity's number) and <c>GET /api/subscription/</c>.</summary>
internal static class AccountEndpoints
{
    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/phone/", state, EndpointScope.Identity, context => Phones(state, context));
        app.Handle("GET", "/api/subscription/", state, EndpointScope.User, context => Subscription(state, context));
    }

    private static IResult Phones(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            return Api.Ok(new JsonArray(Wire.Phone(context.Caller().RequiredIdentity)));
        }
    }

    private static IResult Subscription(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            return Api.Ok(Wire.Subscription(context.Caller().User, state.Now));
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>GET /api/phone/</c> (the identity's number) and <c>GET /api/subscription/</c>; in the CLI dialect also
/// <c>GET /api/email/</c> (email address records: the identity's with <c>X-Ravi-Identity</c>, else all of the user's)
/// and <c>GET /api/master/</c> (the account owner's name).
/// </summary>
internal static class AccountEndpoints
{
    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/phone/", state, EndpointScope.Identity, context => Phones(state, context));
        app.Handle("GET", "/api/subscription/", state, EndpointScope.User, context => Subscription(state, context));
        if (state.Cli)
        {
            app.Handle("GET", "/api/email/", state, EndpointScope.OptionalIdentity, context => EmailAddresses(state, context));
            app.Handle("GET", "/api/master/", state, EndpointScope.User, context => Owner(state, context));
        }
    }

    private static IResult EmailAddresses(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            var caller = context.Caller();
            var identities = caller.Identity is { } identity ? [identity] : state.IdentitiesOf(caller.User.Id);
            return Api.Ok(new JsonArray([.. identities.Select(i => (JsonNode)Wire.EmailAddress(i))]));
        }
    }

    private static IResult Owner(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            return Api.Ok(Wire.Owner(context.Caller().User));
        }
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

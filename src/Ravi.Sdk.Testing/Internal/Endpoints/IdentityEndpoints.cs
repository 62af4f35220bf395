using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary><c>/api/identities/</c>: list, create (402 when unpaid, 409 on a taken name), get, update, delete.</summary>
internal static partial class IdentityEndpoints
{
    private const int MaxNameLength = 64;

    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/identities/", state, EndpointScope.User, context => List(state, context));
        app.Handle("POST", "/api/identities/", state, EndpointScope.User, context => Create(state, context));
        app.Handle("GET", "/api/identities/{uuid}/", state, EndpointScope.User, context => Get(state, context, context.Route("uuid")));
        app.Handle("PUT", "/api/identities/{uuid}/", state, EndpointScope.User, context => Update(state, context, context.Route("uuid")));
        app.Handle("DELETE", "/api/identities/{uuid}/", state, EndpointScope.User, context => Delete(state, context, context.Route("uuid")));
    }

    /// <summary>Validates an identity name; returns the error message or <see langword="null"/>.</summary>
    public static string? ValidateName(string name) =>
        name.Length > MaxNameLength ? $"Ensure this field has no more than {MaxNameLength} characters."
        : ValidName().IsMatch(name) ? null
        : "Enter a valid name: letters, digits, '.', '_' or '-', starting and ending with a letter or digit.";

    private static IResult List(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            return Api.Ok(new JsonArray([.. state.IdentitiesOf(context.Caller().User.Id).Select(i => (JsonNode)Wire.Identity(i))]));
        }
    }

    private static IResult Create(ServerState state, HttpContext context)
    {
        var user = context.Caller().User;
        lock (state.Sync)
        {
            if (!user.SubscriptionActive)
            {
                return Api.PaymentRequired();
            }
        }

        if (!TryReadName(context, out var name, out var error))
        {
            return error!;
        }

        lock (state.Sync)
        {
            if (state.IsNameTaken(name))
            {
                return Api.Conflict($"An identity named \"{name}\" already exists.");
            }

            return Api.Created(Wire.Identity(state.CreateIdentity(user, name)));
        }
    }

    private static IResult Get(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            return Find(state, context, uuid) is { } identity ? Api.Ok(Wire.Identity(identity)) : Api.NotFound();
        }
    }

    private static IResult Update(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            if (Find(state, context, uuid) is null)
            {
                return Api.NotFound();
            }
        }

        if (!TryReadName(context, out var name, out var error))
        {
            return error!;
        }

        lock (state.Sync)
        {
            if (Find(state, context, uuid) is not { } identity)
            {
                return Api.NotFound();
            }

            if (!string.Equals(identity.Name, name, StringComparison.OrdinalIgnoreCase) && state.IsNameTaken(name, except: identity))
            {
                return Api.Conflict($"An identity named \"{name}\" already exists.");
            }

            identity.Name = name;
            identity.UpdatedAt = state.Now;
            return Api.Ok(Wire.Identity(identity));
        }
    }

    private static IResult Delete(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            if (Find(state, context, uuid) is not { } identity)
            {
                return Api.NotFound();
            }

            state.DeleteIdentity(identity);
            return Api.NoContent();
        }
    }

    /// <summary>The caller's identity with that UUID (someone else's answers 404, as if it did not exist).</summary>
    private static IdentityRecord? Find(ServerState state, HttpContext context, string uuid) =>
        ServerState.NormalizeUuid(uuid) is { } normalized && state.FindIdentity(normalized) is { } identity
        && identity.UserId == context.Caller().User.Id
            ? identity
            : null;

    private static bool TryReadName(HttpContext context, out string name, out IResult? error)
    {
        name = "";
        if (!RequestBody.TryReadObject(context, out var body, out error))
        {
            return false;
        }

        var fields = new FieldReader(body);
        var value = fields.String("name", maxLength: MaxNameLength);
        if (value is not null && ValidateName(value) is { } problem)
        {
            fields.Error("name", problem);
        }

        if (!fields.IsValid)
        {
            error = fields.ToResult();
            return false;
        }

        name = value!;
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex ValidName();
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>/api/vault/</c>: list (values redacted to <c>null</c>), create-or-update by key, get, delete. Values stored
/// verbatim. The CLI dialect filters the list by <c>?key=</c> (exact); the documented dialect ignores the parameter.
/// </summary>
internal static class VaultEndpoints
{
    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/vault/", state, EndpointScope.Identity, context => List(state, context));
        app.Handle("POST", "/api/vault/", state, EndpointScope.Identity, context => Upsert(state, context));
        app.Handle("GET", "/api/vault/{uuid}/", state, EndpointScope.Identity, context => Get(state, context, context.Route("uuid")));
        app.Handle("DELETE", "/api/vault/{uuid}/", state, EndpointScope.Identity, context => Delete(state, context, context.Route("uuid")));
    }

    private static IResult List(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            var key = state.Cli && context.Request.Query.TryGetValue("key", out var wanted) ? wanted.ToString() : null;
            return Api.Ok(new JsonArray([.. context.Caller().RequiredIdentity.Secrets
                .Where(s => key is null || s.Key == key)
                .Select(s => (JsonNode)Wire.Secret(s, redactValue: true, state.Cli))]));
        }
    }

    private static IResult Upsert(ServerState state, HttpContext context)
    {
        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var fields = new FieldReader(body);
        var key = fields.String("key", maxLength: 255);
        var value = fields.String("value", allowBlank: true);
        var notes = fields.String("notes", required: false, allowBlank: true, allowNull: true);
        if (key is not null && key.Any(char.IsControl))
        {
            fields.Error("key", "A key may not contain control characters.");
        }

        if (!fields.IsValid)
        {
            return fields.ToResult();
        }

        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            var secret = identity.Secrets.Find(s => s.Key == key);
            var created = secret is null;
            if (secret is null)
            {
                secret = new VaultRecord(Guid.NewGuid().ToString("D"), identity.Uuid, identity.Id, key!, state.Now);
                identity.Secrets.Add(secret);
            }

            secret.Value = value!;
            secret.Notes = fields.Has("notes") ? notes : secret.Notes;
            secret.UpdatedAt = state.Now;
            var json = Wire.Secret(secret, redactValue: false, state.Cli);
            return created ? Api.Created(json) : Api.Ok(json);
        }
    }

    private static IResult Get(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            return Find(context, uuid) is { } secret ? Api.Ok(Wire.Secret(secret, redactValue: false, state.Cli)) : Api.NotFound();
        }
    }

    private static IResult Delete(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            if (Find(context, uuid) is not { } secret)
            {
                return Api.NotFound();
            }

            context.Caller().RequiredIdentity.Secrets.Remove(secret);
            return Api.NoContent();
        }
    }

    private static VaultRecord? Find(HttpContext context, string uuid) =>
        ServerState.NormalizeUuid(uuid) is { } normalized ? context.Caller().RequiredIdentity.Secrets.Find(s => s.Uuid == normalized) : null;
}

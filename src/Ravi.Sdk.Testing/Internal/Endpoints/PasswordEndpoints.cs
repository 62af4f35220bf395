using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>/api/passwords/</c>: CRUD (fields stored verbatim; the list redacts <c>password</c>) and
/// <c>generate_password/?length&amp;uppercase&amp;lowercase&amp;digits&amp;special&amp;exclude_chars</c>. The CLI dialect
/// updates with <c>PATCH</c> (only the fields sent change; <c>PUT</c> answers 405) and generates at
/// <c>generate-password/</c> (the documented path answers 404); the documented dialect is the reverse.
/// </summary>
internal static class PasswordEndpoints
{
    public const int MaxGeneratedLength = 1024;
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Special = "!@#$%^&*()-_=+[]{};:,.<>?/~";

    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/passwords/", state, EndpointScope.Identity, context => List(state, context));
        app.Handle("POST", "/api/passwords/", state, EndpointScope.Identity, context => Save(state, context, null));
        app.Handle("GET", state.Cli ? "/api/passwords/generate-password/" : "/api/passwords/generate_password/", state, EndpointScope.Identity, context => Generate(context));
        app.Handle("GET", "/api/passwords/{uuid}/", state, EndpointScope.Identity, context => Get(state, context, context.Route("uuid")));
        app.Handle(state.Cli ? "PATCH" : "PUT", "/api/passwords/{uuid}/", state, EndpointScope.Identity, context => Save(state, context, context.Route("uuid")));
        app.Handle("DELETE", "/api/passwords/{uuid}/", state, EndpointScope.Identity, context => Delete(state, context, context.Route("uuid")));
    }

    private static IResult List(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            return Api.Ok(new JsonArray([.. context.Caller().RequiredIdentity.Passwords.Select(p => (JsonNode)Wire.Password(p, redactPassword: true, state.Cli))]));
        }
    }

    private static IResult Get(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            return Find(context, uuid) is { } entry ? Api.Ok(Wire.Password(entry, redactPassword: false, state.Cli)) : Api.NotFound();
        }
    }

    private static IResult Save(ServerState state, HttpContext context, string? uuid)
    {
        if (uuid is not null)
        {
            lock (state.Sync)
            {
                if (Find(context, uuid) is null)
                {
                    return Api.NotFound();
                }
            }
        }

        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var fields = new FieldReader(body);
        var partial = uuid is not null && state.Cli; // PATCH: every field optional
        var domain = fields.String("domain", required: !partial, maxLength: 255);
        var username = fields.String("username", required: false, allowBlank: true, allowNull: true);
        var password = fields.String("password", required: false, allowBlank: true, allowNull: true);
        var notes = fields.String("notes", required: false, allowBlank: true, allowNull: true);
        if (!fields.IsValid)
        {
            return fields.ToResult();
        }

        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            var created = uuid is null;
            PasswordRecord? entry;
            if (created)
            {
                entry = new PasswordRecord(Guid.NewGuid().ToString("D"), identity.Uuid, identity.Id, state.Now);
                identity.Passwords.Add(entry);
            }
            else if ((entry = Find(context, uuid!)) is null)
            {
                return Api.NotFound();
            }

            entry.Domain = domain ?? entry.Domain;
            entry.Username = fields.Has("username") ? username : entry.Username;
            entry.Password = fields.Has("password") ? password : entry.Password;
            entry.Notes = fields.Has("notes") ? notes : entry.Notes;
            entry.UpdatedAt = state.Now;
            var json = Wire.Password(entry, redactPassword: false, state.Cli);
            return created ? Api.Created(json) : Api.Ok(json);
        }
    }

    private static IResult Delete(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            if (Find(context, uuid) is not { } entry)
            {
                return Api.NotFound();
            }

            context.Caller().RequiredIdentity.Passwords.Remove(entry);
            return Api.NoContent();
        }
    }

    private static PasswordRecord? Find(HttpContext context, string uuid) =>
        ServerState.NormalizeUuid(uuid) is { } normalized
            ? context.Caller().RequiredIdentity.Passwords.Find(p => p.Uuid == normalized)
            : null;

    private static IResult Generate(HttpContext context)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var length = 16;
        if (query.TryGetValue("length", out var rawLength))
        {
            if (!int.TryParse(rawLength, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out length))
            {
                errors["length"] = ["A valid integer is required."];
            }
            else if (length is < 1 or > MaxGeneratedLength)
            {
                errors["length"] = [$"Ensure this value is between 1 and {MaxGeneratedLength}."];
            }
        }

        var classes = new List<string>();
        foreach (var (name, chars) in new[] { ("uppercase", Upper), ("lowercase", Lower), ("digits", Digits), ("special", Special) })
        {
            switch (query.TryGetValue(name, out var raw) ? raw.ToString().ToLowerInvariant() : "true")
            {
                case "true" or "1" or "yes" or "on":
                    classes.Add(chars);
                    break;
                case "false" or "0" or "no" or "off":
                    break;
                default:
                    errors[name] = ["Must be a valid boolean."];
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Api.FieldErrors(errors);
        }

        var exclude = query["exclude_chars"].ToString();
        classes = [.. classes.Select(c => new string([.. c.Where(ch => !exclude.Contains(ch, StringComparison.Ordinal)).Distinct()])).Where(c => c.Length > 0)];
        if (classes.Count == 0)
        {
            return Api.Error(StatusCodes.Status400BadRequest, "No characters are left to generate a password from.", "invalid");
        }

        var all = string.Concat(classes);
        var password = new char[length];
        for (var i = 0; i < length; i++)
        {
            // One character from each class first (when the length allows), the rest from all of them; then shuffle.
            var pool = i < classes.Count ? classes[i] : all;
            password[i] = pool[RandomNumberGenerator.GetInt32(pool.Length)];
        }

        RandomNumberGenerator.Shuffle(password.AsSpan());
        return Api.Ok(new JsonObject { ["password"] = new string(password) });
    }
}

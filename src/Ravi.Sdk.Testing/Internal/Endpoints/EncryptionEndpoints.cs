using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>/api/encryption/</c> (per user): GET (404 until set up; 200 with empty fields in the CLI dialect), POST (create; 409 when it exists; 405 when
/// <see cref="RaviTestServerOptions.EncryptionPostNotAllowed"/>), PATCH (create or update). Values are validated as
/// standard base64 of the right sizes (salt 16 bytes, public key 32, verifier a sealed box of at least 48) and stored verbatim.
/// </summary>
internal static class EncryptionEndpoints
{
    private const int SealOverhead = 48;

    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("GET", "/api/encryption/", state, EndpointScope.User, context => Get(state, context));
        app.Handle("POST", "/api/encryption/", state, EndpointScope.User, context => Save(state, context, patch: false));
        app.Handle("PATCH", "/api/encryption/", state, EndpointScope.User, context => Save(state, context, patch: true));
    }

    private static IResult Get(ServerState state, HttpContext context)
    {
        lock (state.Sync)
        {
            return context.Caller().User.Encryption is { } encryption
                ? Api.Ok(Wire.Encryption(encryption))
                : state.Cli
                    ? Api.Ok(Wire.EncryptionNotSetUp())
                    : Api.NotFound("Encryption is not set up for this account.");
        }
    }

    private static IResult Save(ServerState state, HttpContext context, bool patch)
    {
        if (!patch && state.Options.EncryptionPostNotAllowed)
        {
            context.Response.Headers.Allow = "GET, PATCH";
            return Api.Error(StatusCodes.Status405MethodNotAllowed, "Method \"POST\" not allowed.", "method_not_allowed");
        }

        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var user = context.Caller().User;
        bool exists;
        lock (state.Sync)
        {
            exists = user.Encryption is not null;
        }

        // POST and first-time PATCH need every field; PATCH of existing metadata may send a subset.
        var required = !(patch && exists);
        var fields = new FieldReader(body);
        var salt = Base64Field(fields, "salt", required, exact: 16);
        var publicKey = Base64Field(fields, "public_key", required, exact: 32);
        var verifier = Base64Field(fields, "verifier", required, minimum: SealOverhead);
        if (!fields.IsValid)
        {
            return fields.ToResult();
        }

        lock (state.Sync)
        {
            if (user.Encryption is not { } encryption)
            {
                if (salt is null || publicKey is null || verifier is null)
                {
                    return Api.Error(StatusCodes.Status409Conflict, "Encryption metadata was removed concurrently.", "conflict");
                }

                user.Encryption = state.NewEncryption(salt, verifier, publicKey);
                return Api.Created(Wire.Encryption(user.Encryption));
            }

            if (!patch)
            {
                return Api.Conflict("Encryption is already set up for this account; use PATCH to change it.");
            }

            encryption.Salt = salt ?? encryption.Salt;
            encryption.PublicKey = publicKey ?? encryption.PublicKey;
            encryption.Verifier = verifier ?? encryption.Verifier;
            return Api.Ok(Wire.Encryption(encryption));
        }
    }

    private static string? Base64Field(FieldReader fields, string name, bool required, int? exact = null, int minimum = 1)
    {
        var value = fields.String(name, required);
        if (value is null)
        {
            return null;
        }

        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var length) || value.Length % 4 != 0 || value.Any(char.IsWhiteSpace))
        {
            fields.Error(name, "Enter a valid standard base64 value.");
            return null;
        }

        if (exact is { } size && length != size)
        {
            fields.Error(name, $"Must decode to exactly {size} bytes.");
            return null;
        }

        if (length < minimum)
        {
            fields.Error(name, $"Must decode to at least {minimum} bytes.");
            return null;
        }

        return value;
    }
}

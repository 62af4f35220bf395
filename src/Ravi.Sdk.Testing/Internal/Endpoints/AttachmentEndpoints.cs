using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal.Endpoints;

/// <summary>
/// <c>POST /api/email-attachments/presign/</c> and the "storage host" it points at: <c>PUT /_storage/{uuid}?expires&amp;sig</c>
/// takes the raw bytes without bearer auth (a request carrying <c>Authorization</c> is rejected, as a storage host would),
/// requiring <c>Content-Length</c> equal to the presigned size and the presigned <c>Content-Type</c>.
/// </summary>
internal static partial class AttachmentEndpoints
{
    public static void Map(WebApplication app, ServerState state)
    {
        app.Handle("POST", "/api/email-attachments/presign/", state, EndpointScope.Identity, context => Presign(state, context));
        app.HandleAsync("PUT", ServerMiddleware.StoragePrefix + "{uuid}", state, EndpointScope.Anonymous, context => UploadAsync(state, context, context.Route("uuid")));
        app.Handle("GET", ServerMiddleware.StoragePrefix + "{uuid}", state, EndpointScope.Anonymous, context => Download(state, context, context.Route("uuid")));
    }

    private static IResult Presign(ServerState state, HttpContext context)
    {
        if (!RequestBody.TryReadObject(context, out var body, out var error))
        {
            return error!;
        }

        var fields = new FieldReader(body);
        var filename = fields.String("filename", maxLength: 255);
        var contentType = fields.String("content_type", maxLength: 255);
        var size = fields.Integer("size", 0, state.Options.MaxAttachmentBytes);
        if (filename is not null && (filename.IndexOfAny(['/', '\\']) >= 0 || filename.Any(char.IsControl)))
        {
            fields.Error("filename", "A filename may not contain path separators or control characters.");
        }

        if (contentType is not null && !MediaType().IsMatch(contentType))
        {
            fields.Error("content_type", "Enter a valid media type, e.g. application/pdf.");
        }

        if (!fields.IsValid)
        {
            return fields.ToResult();
        }

        var baseUrl = Api.BaseUrl(context.Request);
        lock (state.Sync)
        {
            var identity = context.Caller().RequiredIdentity;
            var now = state.Now;
            identity.PresignTimes.RemoveAll(t => now - t >= TimeSpan.FromHours(1));
            if (ServerState.RetryAfter(identity.PresignTimes, now, TimeSpan.FromHours(1), state.Options.AttachmentUploadsPerHour) is { } retry)
            {
                return Api.RateLimited($"Attachment upload limit reached ({state.Options.AttachmentUploadsPerHour} per hour).", retry);
            }

            identity.PresignTimes.Add(now);
            var attachment = state.CreateAttachment(identity, filename!, contentType!, size!.Value);
            var expires = attachment.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Api.Ok(new JsonObject
            {
                ["uuid"] = attachment.Uuid,
                ["upload_url"] = $"{baseUrl}{ServerMiddleware.StoragePrefix}{attachment.Uuid}?expires={expires}&sig={attachment.UploadSignature}",
                ["storage_key"] = attachment.StorageKey,
            });
        }
    }

    private static async Task<IResult> UploadAsync(ServerState state, HttpContext context, string uuid)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey("Authorization"))
        {
            return Api.Error(StatusCodes.Status400BadRequest,
                "Presigned uploads must not carry an Authorization header: the URL is the credential.", "authorization_not_allowed");
        }

        AttachmentRecord? attachment;
        lock (state.Sync)
        {
            attachment = ServerState.NormalizeUuid(uuid) is { } normalized ? state.FindAttachment(normalized) : null;
            if (attachment is null)
            {
                return Api.NotFound("No such upload.");
            }

            var expires = attachment.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (request.Query["sig"] != attachment.UploadSignature || request.Query["expires"] != expires)
            {
                return Api.Error(StatusCodes.Status403Forbidden, "The request signature does not match.", "signature_mismatch");
            }

            if (state.Now >= attachment.ExpiresAt)
            {
                return Api.Error(StatusCodes.Status403Forbidden, "The presigned URL has expired.", "expired");
            }
        }

        if (request.ContentLength is not { } length)
        {
            return Api.Error(StatusCodes.Status411LengthRequired, "Content-Length is required.", "length_required");
        }

        if (length != attachment.Size)
        {
            return Api.Error(StatusCodes.Status400BadRequest,
                $"Content-Length {length} does not match the presigned size {attachment.Size}.", "size_mismatch");
        }

        var contentType = request.ContentType ?? "";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !string.Equals(parsed.MediaType, attachment.ContentType.Split(';')[0].Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Api.Error(StatusCodes.Status400BadRequest,
                $"Content-Type \"{contentType}\" does not match the presigned type \"{attachment.ContentType}\".", "content_type_mismatch");
        }

        var content = new byte[length];
        await request.Body.ReadExactlyAsync(content, context.RequestAborted).ConfigureAwait(false);
        lock (state.Sync)
        {
            state.RecordUpload(attachment, contentType, content);
        }

        context.Response.Headers.ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16)) + "\"";
        return Results.Ok();
    }

    private static IResult Download(ServerState state, HttpContext context, string uuid)
    {
        lock (state.Sync)
        {
            var attachment = ServerState.NormalizeUuid(uuid) is { } normalized ? state.FindAttachment(normalized) : null;
            return attachment?.Content is null || context.Request.Query["sig"] != attachment.DownloadSignature
                ? Api.NotFound()
                : Results.Bytes(attachment.Content, attachment.ContentType);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;.*)?$")]
    private static partial Regex MediaType();
}

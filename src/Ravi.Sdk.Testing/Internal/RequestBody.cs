using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// Parses the JSON body that <see cref="ServerMiddleware"/> buffered (size-limited) into a <see cref="JsonObject"/>, answering
/// 415 for a non-JSON content type and 400 for malformed JSON or a non-object; an empty body reads as <c>{}</c>.
/// </summary>
internal static class RequestBody
{
    public const string ItemKey = "ravi.body";

    public static byte[] Bytes(HttpContext context) => context.Items[ItemKey] as byte[] ?? [];

    public static bool TryReadObject(HttpContext context, out JsonObject body, out IResult? error)
    {
        body = [];
        error = null;
        var bytes = Bytes(context);
        if (bytes.Length == 0)
        {
            return true;
        }

        var contentType = context.Request.ContentType;
        if (!IsJson(contentType))
        {
            error = Api.Error(StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported media type \"{contentType ?? ""}\" in request.", "unsupported_media_type");
            return false;
        }

        if (!Utf8.IsValid(bytes))
        {
            error = Api.Error(StatusCodes.Status400BadRequest, "JSON parse error - the body is not valid UTF-8.", "parse_error");
            return false;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            if (node is JsonObject parsed)
            {
                _ = parsed.Count; // materialise now so duplicate keys and the like fail here, as a 400
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            error = Api.Error(StatusCodes.Status400BadRequest, "JSON parse error - " + e.Message, "parse_error");
            return false;
        }

        if (node is not JsonObject obj)
        {
            var kind = node?.GetValueKind().ToString().ToLowerInvariant() ?? "null";
            error = Api.FieldError("non_field_errors", $"Invalid data. Expected a dictionary, but got {kind}.");
            return false;
        }

        body = obj;
        return true;
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } media)
        {
            return false;
        }

        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}

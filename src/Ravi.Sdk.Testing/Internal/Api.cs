using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Response helpers with the service's status codes and error bodies (<c>{detail, code}</c> or <c>{field: [msg]}</c>).</summary>
internal static class Api
{
    public static IResult Ok(JsonNode body) => new JsonBodyResult(StatusCodes.Status200OK, body);

    public static IResult Created(JsonNode body) => new JsonBodyResult(StatusCodes.Status201Created, body);

    public static IResult NoContent() => new JsonBodyResult(StatusCodes.Status204NoContent, null);

    public static IResult Error(int status, string detail, string code, int? retryAfterSeconds = null)
    {
        var body = new JsonObject { ["detail"] = detail, ["code"] = code };
        if (retryAfterSeconds is { } seconds)
        {
            body["retry_after_seconds"] = seconds;
        }

        return new JsonBodyResult(status, body, retryAfterSeconds);
    }

    public static IResult FieldErrors(IReadOnlyDictionary<string, List<string>> errors)
    {
        var body = new JsonObject();
        foreach (var (field, messages) in errors)
        {
            body[field] = new JsonArray([.. messages.Select(m => (JsonNode)JsonValue.Create(m))]);
        }

        return new JsonBodyResult(StatusCodes.Status400BadRequest, body);
    }

    public static IResult FieldError(string field, string message) => FieldErrors(new Dictionary<string, List<string>> { [field] = [message] });

    public static IResult NotFound(string detail = "Not found.") => Error(StatusCodes.Status404NotFound, detail, "not_found");

    public static IResult Conflict(string detail) => Error(StatusCodes.Status409Conflict, detail, "conflict");

    public static IResult PaymentRequired() =>
        Error(StatusCodes.Status402PaymentRequired, "An active subscription is required for this action.", "payment_required");

    public static IResult RateLimited(string detail, int retryAfterSeconds) =>
        Error(StatusCodes.Status429TooManyRequests, detail, "rate_limited", retryAfterSeconds);

    public static IResult DeviceError(string error, string description) =>
        new JsonBodyResult(StatusCodes.Status400BadRequest, new JsonObject { ["error"] = error, ["error_description"] = description });

    /// <summary>The error code a status gets when a fault injects it.</summary>
    public static string DefaultCode(int status) => status switch
    {
        400 => "invalid",
        401 => "token_not_valid",
        402 => "payment_required",
        403 => "permission_denied",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "request_timeout",
        409 => "conflict",
        413 => "request_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ when status >= 500 => "server_error",
        _ => "error",
    };

    /// <summary><c>scheme://host</c> of the request, for absolute URLs.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Writes a JSON body (or none for 204) with a status, plus <c>Retry-After</c> and <c>WWW-Authenticate</c> where due.</summary>
internal sealed class JsonBodyResult(int statusCode, JsonNode? body, int? retryAfterSeconds = null) : IResult
{
    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (StatusCode == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"api\"";
        }

        if (StatusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            return;
        }

        var bytes = Wire.ToUtf8(body);
        response.ContentType = "application/json";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

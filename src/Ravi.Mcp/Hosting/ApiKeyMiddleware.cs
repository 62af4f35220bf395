using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ravi.Mcp.Hosting;

/// <summary>
/// Requires the API key on every HTTP request (Streamable HTTP, the SSE stream and its message endpoint) as
/// <c>Authorization: Bearer KEY</c> or <c>X-API-Key: KEY</c>; anything else gets 401. Keys are compared as SHA-256
/// digests with <see cref="CryptographicOperations.FixedTimeEquals"/>, so timing reveals neither content nor length.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyOptions options, ILogger<ApiKeyMiddleware> logger)
{
    public const string HeaderName = "X-API-Key";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey));

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = Presented(context.Request);
        if (presented is not null &&
            CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected))
        {
            return next(context);
        }

        var reason = presented is null ? "no API key" : "wrong API key";
        McpLog.Unauthorized(logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), reason);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"ravi-mcp\"";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(
            "{\"error\":\"unauthorized\",\"error_description\":\"" + (presented is null ? "This ravi-mcp server requires an API key" : "The API key is wrong") +
            ": send it as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'.\"}");
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[HeaderName] is { Count: > 0 } apiKey && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0]!.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Ravi.Sdk.Http;

/// <summary>
/// The one place that turns a non-success HTTP response into the <see cref="RaviApiException"/> hierarchy.
/// Understands <c>{detail,code}</c>, field errors <c>{field:[msg]}</c>, OAuth-style <c>{error,error_description}</c>,
/// <c>retry_after_seconds</c> and the <c>Retry-After</c> header (seconds or HTTP-date), and non-JSON bodies.
/// </summary>
internal static class RaviErrorFactory
{
    /// <summary>The most of a body kept on the exception.</summary>
    public const int MaxBodyChars = 4096;

    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Reads the response body (bounded) and builds the exception. Disposes nothing. Secrets are redacted from everything
    /// the exception shows (see <see cref="RaviErrorRedactor"/>): <paramref name="knownSecrets"/> (the client's current
    /// tokens), the request's bearer token and its body's secret fields, and secret-bearing fields of the response.
    /// </summary>
    public static async Task<RaviApiException> CreateAsync(HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken, IEnumerable<string?>? knownSecrets = null)
    {
        byte[] body;
        try
        {
            body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            body = [];
        }

        var secrets = await RaviErrorRedactor.CollectAsync(response.RequestMessage, knownSecrets, cancellationToken).ConfigureAwait(false);
        return Create(response.StatusCode, response.Headers, body, timeProvider, RaviAttempts.Of(response), secrets);
    }

    /// <summary>Builds the exception from an already-read body, redacting secret-bearing fields and <paramref name="secrets"/>.</summary>
    public static RaviApiException Create(HttpStatusCode status, System.Net.Http.Headers.HttpResponseHeaders? headers, ReadOnlySpan<byte> body, TimeProvider timeProvider, int attempts = 1, IReadOnlyList<string>? secrets = null)
    {
        secrets ??= [];
        string? code = null;
        string? detail = null;
        var fieldErrors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? bodyText = body.IsEmpty ? null : Truncate(RaviErrorRedactor.RedactBody(body, Encoding.UTF8.GetString(body), secrets));

        if (!body.IsEmpty)
        {
            TryParseJson(body, ref code, ref detail, fieldErrors);
            code = RaviErrorRedactor.RedactKnown(code, secrets);
            detail = RaviErrorRedactor.RedactKnown(detail, secrets);
            foreach (var (field, messages) in fieldErrors.ToList())
            {
                fieldErrors[field] = [.. messages.Select(m => RedactFieldMessage(field, m, secrets))];
            }
        }

        var retryAfter = RaviRetryAfter.From(body, headers, timeProvider);

        string? requestId = null;
        if (headers is not null && headers.TryGetValues(RaviHeaders.RequestId, out var ids))
        {
            requestId = ids.FirstOrDefault();
        }

        var details = new RaviErrorDetails
        {
            StatusCode = status,
            Code = code,
            Detail = detail,
            FieldErrors = fieldErrors,
            RequestId = requestId,
            RetryAfter = retryAfter,
            ResponseBody = bodyText,
            Attempts = attempts,
        };

        var message = BuildMessage(details);
        var numeric = (int)status;
        return numeric switch
        {
            400 or 422 => new RaviBadRequestException(message, details),
            401 => new RaviAuthenticationException(message, details),
            402 => new RaviPaymentRequiredException(message, details),
            403 => new RaviForbiddenException(message, details),
            404 => new RaviNotFoundException(message, details),
            409 => new RaviConflictException(message, details),
            429 => new RaviRateLimitException(message, details),
            >= 500 and <= 599 => new RaviServerException(message, details),
            _ => new RaviApiException(message, details),
        };
    }

    private static string BuildMessage(RaviErrorDetails d)
    {
        var sb = new StringBuilder();
        sb.Append("Ravi API error ").Append((int)d.StatusCode).Append(' ').Append(ReasonPhrase(d.StatusCode));
        if (d.Code is not null)
        {
            sb.Append(" (").Append(d.Code).Append(')');
        }

        if (d.Detail is not null)
        {
            sb.Append(": ").Append(d.Detail);
        }

        if (d.FieldErrors.Count > 0)
        {
            sb.Append(d.Detail is null ? ": " : "; ");
            sb.AppendJoin("; ", d.FieldErrors.Select(kv => kv.Key + ": " + string.Join(" ", kv.Value)));
        }

        if (d.Detail is null && d.FieldErrors.Count == 0 && d.ResponseBody is { Length: > 0 } raw)
        {
            sb.Append(": ").Append(raw.Length > 200 ? string.Concat(raw.AsSpan(0, 200), "…") : raw);
        }

        if (d.RetryAfter is { } ra)
        {
            sb.Append(" Retry after ").Append(ra.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append(" s.");
        }

        if (d.Attempts > 1)
        {
            sb.Append(" Gave up after ").Append(d.Attempts.ToString(CultureInfo.InvariantCulture)).Append(" attempts.");
        }

        if (d.RequestId is not null)
        {
            sb.Append(" [request ").Append(d.RequestId).Append(']');
        }

        return sb.ToString();
    }

    private static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.PaymentRequired => "Payment Required",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.GatewayTimeout => "Gateway Timeout",
        _ => status.ToString(),
    };

    private static void TryParseJson(ReadOnlySpan<byte> body, ref string? code, ref string? detail, Dictionary<string, IReadOnlyList<string>> fieldErrors)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var list = StringsOf(root);
                if (list.Count > 0)
                {
                    fieldErrors["non_field_errors"] = list;
                }

                return;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var prop in root.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "detail" when prop.Value.ValueKind == JsonValueKind.String:
                        detail = prop.Value.GetString();
                        break;
                    case "error_description" when prop.Value.ValueKind == JsonValueKind.String:
                        detail ??= prop.Value.GetString();
                        break;
                    case "code" when prop.Value.ValueKind == JsonValueKind.String:
                        code = prop.Value.GetString();
                        break;
                    case "error" when prop.Value.ValueKind == JsonValueKind.String:
                        code ??= prop.Value.GetString();
                        break;
                    case "retry_after_seconds" or "retry_after":
                        break; // read by RaviRetryAfter
                    default:
                        if (prop.Value.ValueKind == JsonValueKind.Array)
                        {
                            var messages = StringsOf(prop.Value);
                            if (messages.Count > 0)
                            {
                                fieldErrors[prop.Name] = messages;
                            }
                        }
                        else if (prop.Value.ValueKind == JsonValueKind.String && prop.Name is not ("status" or "type" or "title"))
                        {
                            // A secret-bearing field with a bare string holds the value itself, not a message about it.
                            fieldErrors[prop.Name] = [RaviErrorRedactor.IsSecretField(prop.Name) ? RaviErrorRedactor.Mask : prop.Value.GetString()!];
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (e.g. a proxy's HTML page): the raw body is kept on the exception.
        }
    }

    private static List<string> StringsOf(JsonElement array)
    {
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                list.Add(m.GetString()!);
            }
        }

        return list;
    }

    /// <summary>
    /// A field error message without secrets: known secrets masked everywhere; for a secret-bearing field also anything
    /// that looks like a value (and the whole text when the field held a bare value rather than messages).
    /// </summary>
    private static string RedactFieldMessage(string field, string message, IReadOnlyList<string> secrets)
    {
        message = RaviErrorRedactor.RedactKnown(message, secrets)!;
        return RaviErrorRedactor.IsSecretField(field) ? RaviErrorRedactor.RedactValueLike(message) : message;
    }

    private static string Truncate(string s) => s.Length <= MaxBodyChars ? s : string.Concat(s.AsSpan(0, MaxBodyChars), "…");

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBodyBytes];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return buffer.AsSpan(0, total).ToArray();
        }
    }
}

using System.Net;

namespace Ravi.Sdk;

/// <summary>The parsed parts of a Ravi error response, as carried by <see cref="RaviApiException"/>.</summary>
public sealed record RaviErrorDetails
{
    /// <summary>The HTTP status code.</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>The machine-readable error code, if any.</summary>
    public string? Code { get; init; }

    /// <summary>The human-readable detail, if any.</summary>
    public string? Detail { get; init; }

    /// <summary>Field-level validation errors.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The request id, if the response carried one.</summary>
    public string? RequestId { get; init; }

    /// <summary>The server-requested delay before retrying, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The start of the body, truncated.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>How many attempts were made before this response was final (1 when the request was not retried).</summary>
    public int Attempts { get; init; } = 1;
}

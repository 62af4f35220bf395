using System.Net;

namespace Ravi.Sdk.Tests.Exceptions;

/// <summary>One row of the error-mapping table: a server response and the exception the SDK must turn it into.</summary>
internal sealed record ErrorCase
{
    public required HttpStatusCode Status { get; init; }

    public string? Body { get; init; }

    public string MediaType { get; init; } = "application/json";

    public Action<HttpResponseMessage>? Headers { get; init; }

    public required Type Exception { get; init; }

    public string? Code { get; init; }

    public string? Detail { get; init; }

    public Dictionary<string, string[]> FieldErrors { get; init; } = [];

    public TimeSpan? RetryAfter { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Null: the exception's ResponseBody must equal <see cref="Body"/> (or be null when there is no body).</summary>
    public Func<string?, bool>? ResponseBodyCheck { get; init; }
}

using System.Net;

namespace Ravi.Sdk;

/// <summary>
/// A non-success response from the Ravi API. Subclasses exist per status family
/// (<see cref="RaviNotFoundException"/>, <see cref="RaviRateLimitException"/>…); every non-success response,
/// including non-JSON bodies such as a proxy's HTML error page, becomes one of these.
/// </summary>
public class RaviApiException : RaviException
{
    /// <summary>Creates the exception from the parts of an error response.</summary>
    /// <param name="message">A human-readable summary.</param>
    /// <param name="details">The parsed error response.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public RaviApiException(string message, RaviErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        Code = details.Code;
        Detail = details.Detail;
        FieldErrors = details.FieldErrors;
        RequestId = details.RequestId;
        RetryAfter = details.RetryAfter;
        ResponseBody = details.ResponseBody;
        Attempts = details.Attempts;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The machine-readable <c>code</c> (or OAuth <c>error</c>) from the body, e.g. <c>token_expired</c>.</summary>
    public string? Code { get; }

    /// <summary>The human-readable <c>detail</c> (or <c>error_description</c>) from the body.</summary>
    public string? Detail { get; }

    /// <summary>Field-level validation errors (<c>{"name": ["This field is required."]}</c>); empty when none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; }

    /// <summary>The request id the server or a proxy returned (<c>X-Request-Id</c>), useful in support requests.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked us to wait (<c>retry_after_seconds</c> or <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The start of the response body (truncated to a few KiB), for diagnostics.</summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// How many attempts the SDK made before this response was final (1 when the request was not retried; the message
    /// says so when there were more).
    /// </summary>
    public int Attempts { get; }
}

namespace Ravi.Sdk;

/// <summary>
/// A request to the Ravi API timed out: one attempt exceeded <see cref="RaviClientOptions.AttemptTimeout"/> (and could not
/// be retried, or every retry timed out too), or the whole call exceeded <see cref="RaviClientOptions.OverallTimeout"/>.
/// Cancellation through your own <see cref="CancellationToken"/> is an <see cref="OperationCanceledException"/> instead.
/// The inner exception is a <see cref="TimeoutException"/>.
/// </summary>
public sealed class RaviRequestTimeoutException : RaviException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Which timeout fired.</param>
    /// <param name="timeout">Its configured length.</param>
    /// <param name="operation">The request, e.g. <c>GET /api/identities/</c>.</param>
    public RaviRequestTimeoutException(RaviTimeoutKind kind, TimeSpan timeout, string operation)
        : base(BuildMessage(kind, timeout, operation), new TimeoutException(BuildMessage(kind, timeout, operation)))
    {
        Kind = kind;
        Timeout = timeout;
        Operation = operation;
    }

    /// <summary>Which timeout fired.</summary>
    public RaviTimeoutKind Kind { get; }

    /// <summary>The configured length of that timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The request that timed out (method and path, no query string).</summary>
    public string Operation { get; }

    private static string BuildMessage(RaviTimeoutKind kind, TimeSpan timeout, string operation) => kind == RaviTimeoutKind.Attempt
        ? $"{operation} timed out: an attempt took longer than the attempt timeout of {timeout.TotalSeconds:0.###} s (RaviClientOptions.AttemptTimeout)."
        : $"{operation} timed out: the call, including retries, took longer than the overall timeout of {timeout.TotalSeconds:0.###} s (RaviClientOptions.OverallTimeout).";
}

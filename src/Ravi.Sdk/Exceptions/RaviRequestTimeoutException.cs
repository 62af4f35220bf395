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
        : this(kind, timeout, operation, 1)
    {
    }

    /// <summary>Creates the exception for a call that made <paramref name="attempts"/> attempts.</summary>
    /// <param name="kind">Which timeout fired.</param>
    /// <param name="timeout">Its configured length.</param>
    /// <param name="operation">The request, e.g. <c>GET /api/identities/</c>.</param>
    /// <param name="attempts">How many attempts were made (1 when the request was not retried).</param>
    public RaviRequestTimeoutException(RaviTimeoutKind kind, TimeSpan timeout, string operation, int attempts)
        : base(BuildMessage(kind, timeout, operation, attempts), new TimeoutException(BuildMessage(kind, timeout, operation, attempts)))
    {
        Kind = kind;
        Timeout = timeout;
        Operation = operation;
        Attempts = attempts;
    }

    /// <summary>Which timeout fired.</summary>
    public RaviTimeoutKind Kind { get; }

    /// <summary>The configured length of that timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The request that timed out (method and path, no query string).</summary>
    public string Operation { get; }

    /// <summary>How many attempts were made before the SDK gave up (1 when the request was not retried).</summary>
    public int Attempts { get; }

    private static string BuildMessage(RaviTimeoutKind kind, TimeSpan timeout, string operation, int attempts)
    {
        var message = kind == RaviTimeoutKind.Attempt
            ? $"{operation} timed out: an attempt took longer than the attempt timeout of {timeout.TotalSeconds:0.###} s (RaviClientOptions.AttemptTimeout)."
            : $"{operation} timed out: the call, including retries, took longer than the overall timeout of {timeout.TotalSeconds:0.###} s (RaviClientOptions.OverallTimeout).";
        return attempts > 1 ? $"{message} Gave up after {attempts} attempts." : message;
    }
}

namespace Ravi.Sdk.Http;

/// <summary>
/// Applies a call's <see cref="RaviRequestOptions"/> to its requests: checks them (before any I/O), adds the extra headers
/// and <c>Idempotency-Key</c>, carries the options on the request (so every attempt and the resilience handler see them),
/// links their cancellation token and reports successful responses to <see cref="RaviRequestOptions.OnResponse"/>.
/// </summary>
internal static class RaviCallOptions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 255;

    /// <summary>The options of the call a request belongs to (copied to every attempt by <see cref="RaviRequestCloner"/>).</summary>
    private static readonly HttpRequestOptionsKey<RaviRequestOptions> Key = new("Ravi.RequestOptions");

    /// <summary>Headers the SDK owns: a caller may not set them (they carry credentials, identity or framing).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", RaviHeaders.Identity, RaviHeaders.LastEventId, IdempotencyKeyHeader,
        "User-Agent", "Accept", "Host", "Cookie", "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding",
        "Connection", "Keep-Alive", "Upgrade", "TE", "Trailer", "Expect", "Proxy-Connection",
    };

    /// <summary>Lists what is wrong with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(RaviRequestOptions options)
    {
        var errors = new List<string>();
        if (options.HeadersOrNull is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                if (!IsToken(name))
                {
                    errors.Add($"Headers: '{name}' is not a valid header name.");
                }
                else if (Reserved.Contains(name))
                {
                    errors.Add($"Headers: '{name}' is set by the SDK and cannot be replaced" +
                        (string.Equals(name, IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase) ? " (use IdempotencyKey)." : "."));
                }

                if (value is null || !IsFieldValue(value))
                {
                    errors.Add($"Headers: the value of '{name}' must be printable ASCII (no CR, LF or other control characters).");
                }
            }
        }

        if (options.IdempotencyKey is { } key && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c is <= ' ' or > '~')))
        {
            errors.Add($"IdempotencyKey must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters without spaces.");
        }

        CheckTimeout(errors, options.OverallTimeout, nameof(RaviRequestOptions.OverallTimeout));
        CheckTimeout(errors, options.AttemptTimeout, nameof(RaviRequestOptions.AttemptTimeout));
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting of <paramref name="options"/>.</summary>
    public static void Check(RaviRequestOptions? options, string paramName = "requestOptions")
    {
        if (options is not null && Validate(options) is { Count: > 0 } errors)
        {
            throw new ArgumentException("Invalid RaviRequestOptions: " + string.Join(" ", errors), paramName);
        }
    }

    /// <summary>Checks the options and applies them to a new API request. Throws <see cref="ArgumentException"/> (nothing sent) when invalid.</summary>
    public static void Apply(HttpRequestMessage request, RaviRequestOptions? options)
    {
        if (options is null)
        {
            return;
        }

        Check(options);

        if (options.HeadersOrNull is { Count: > 0 } headers)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (options.IdempotencyKey is { } key)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, key);
        }

        if (options.CloseConnection)
        {
            request.Headers.ConnectionClose = true;
        }

        request.Options.Set(Key, options);
    }

    /// <summary>The options of the call <paramref name="request"/> belongs to, or null.</summary>
    public static RaviRequestOptions? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var options) ? options : null;

    /// <summary>Removes the caller's headers from a request about to leave the API origin (see <see cref="RaviOrigin.StripRaviHeaders"/>).</summary>
    public static void StripCallerHeaders(HttpRequestMessage request)
    {
        if (Of(request) is not { } options)
        {
            return;
        }

        request.Headers.Remove(IdempotencyKeyHeader);
        if (options.HeadersOrNull is { } headers)
        {
            foreach (var name in headers.Keys)
            {
                request.Headers.Remove(name);
            }
        }
    }

    /// <summary>
    /// The token a call's requests observe: <paramref name="cancellationToken"/>, linked with the options' token when both
    /// can be cancelled. Dispose the result when the call ends.
    /// </summary>
    public static Linked Link(RaviRequestOptions? options, CancellationToken cancellationToken)
    {
        if (options is null || !options.CancellationToken.CanBeCanceled || options.CancellationToken == cancellationToken)
        {
            return new Linked(null, cancellationToken);
        }

        if (!cancellationToken.CanBeCanceled)
        {
            return new Linked(null, options.CancellationToken);
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, options.CancellationToken);
        return new Linked(source, source.Token);
    }

    /// <summary>Reports a successful response to the call's <see cref="RaviRequestOptions.OnResponse"/>, if any.</summary>
    public static void Report(HttpRequestMessage request, HttpResponseMessage response, RaviResponse? info = null)
    {
        if (Of(request) is { OnResponse: { } onResponse })
        {
            onResponse(info ?? RaviResponse.From(response));
        }
    }

    /// <summary>The effective overall timeout of a request: the call's, else the client's.</summary>
    public static TimeSpan OverallTimeout(HttpRequestMessage request, TimeSpan clientDefault) =>
        Of(request)?.OverallTimeout ?? clientDefault;

    /// <summary>The effective attempt timeout of a request: the call's, else the client's.</summary>
    public static TimeSpan AttemptTimeout(HttpRequestMessage request, TimeSpan clientDefault) =>
        Of(request)?.AttemptTimeout ?? clientDefault;

    private static void CheckTimeout(List<string> errors, TimeSpan? value, string name)
    {
        if (value is { } v && v <= TimeSpan.Zero && v != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} must be positive, null (the client's) or Timeout.InfiniteTimeSpan (none).");
        }
    }

    private static bool IsToken(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFieldValue(string value)
    {
        foreach (var c in value)
        {
            if (c is (< ' ' and not '\t') or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A call's cancellation token, with the linked source to dispose when there is one.</summary>
    internal readonly struct Linked : IDisposable
    {
        private readonly CancellationTokenSource? _source;

        public Linked(CancellationTokenSource? source, CancellationToken token)
        {
            Token = token;
            _source = source;
        }

        public CancellationToken Token { get; }

        public void Dispose() => _source?.Dispose();
    }
}

namespace Ravi.Sdk.Testing.Internal;

/// <summary>A request fault armed for the next <see cref="Remaining"/> matching requests.</summary>
internal sealed class FaultRule
{
    public required FaultKind Kind { get; init; }
    public required int Remaining { get; set; }
    public int StatusCode { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public string? Code { get; init; }
    public TimeSpan Delay { get; init; }
    public string? PathPrefix { get; init; }
    public string? Method { get; init; }

    public bool Matches(string method, string path) =>
        (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal))
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase));
}

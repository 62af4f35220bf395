using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Ravi.Sdk.Internal;

/// <summary>Argument validation that runs before any I/O and names the offending parameter.</summary>
internal static class Guard
{
    /// <summary>Requires a canonical UUID (8-4-4-4-12 hex) and returns it unchanged.</summary>
    public static string Uuid([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);

        // The length check matters: Guid parsing trims surrounding whitespace, but the value goes into URLs and headers unchanged.
        if (value.Length != 36 || !Guid.TryParseExact(value, "D", out _))
        {
            throw new ArgumentException($"'{value}' is not a UUID (expected the form 3f2b…-…).", paramName);
        }

        return value;
    }

    /// <summary>
    /// Requires an identifier that can be one path segment and returns it escaped (<c>/</c>, <c>?</c>, <c>#</c>, <c>%</c>,
    /// spaces and non-ASCII all percent-encoded), so no value can reach another path. See <see cref="TryPathSegment"/>.
    /// </summary>
    public static string PathSegment([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (!TryPathSegment(value, out var segment))
        {
            throw new ArgumentException($"'{value}' is not a valid identifier ('.' and '..' cannot be a path segment).", paramName);
        }

        return segment;
    }

    /// <summary>
    /// Escapes an identifier (e.g. one the server returned) for use as exactly one path segment. False for values that
    /// cannot be one: null, empty or whitespace, and <c>.</c> or <c>..</c> (URI normalization would turn them into another
    /// path even when percent-encoded). Callers treat a false answer on server data as bad data and skip it.
    /// </summary>
    public static bool TryPathSegment(string? value, [NotNullWhen(true)] out string? segment)
    {
        if (string.IsNullOrWhiteSpace(value) || value is "." or "..")
        {
            segment = null;
            return false;
        }

        segment = Uri.EscapeDataString(value);
        return true;
    }

    /// <summary>Requires a positive numeric id.</summary>
    public static long PositiveId(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, paramName);
        return value;
    }

    /// <summary>Requires a non-null, non-whitespace string.</summary>
    public static string NotEmpty([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return value;
    }
}

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

    /// <summary>Requires a non-empty identifier and returns it escaped for use as one path segment.</summary>
    public static string PathSegment([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value is "." or ".." || value.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{value}' is not a valid identifier.", paramName);
        }

        return Uri.EscapeDataString(value);
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

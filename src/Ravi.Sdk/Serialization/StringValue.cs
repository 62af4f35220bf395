namespace Ravi.Sdk.Serialization;

/// <summary>The equality every <see cref="IRaviStringValue{TSelf}"/> shares: ordinal, ignoring case.</summary>
internal static class StringValue
{
    public static bool Equals(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static int GetHashCode(string? value) => value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(value);
}

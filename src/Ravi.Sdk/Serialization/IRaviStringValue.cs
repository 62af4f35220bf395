namespace Ravi.Sdk.Serialization;

/// <summary>
/// An extensible string enum: a small value type over the wire string (for example <see cref="Models.MessageDirection"/>)
/// with the known values as static properties, and any other value kept as it came, so a value the SDK does not know yet
/// never fails a read. <see cref="RaviStringValueConverter{T}"/> reads and writes it as a JSON string.
/// </summary>
/// <typeparam name="TSelf">The enum type.</typeparam>
public interface IRaviStringValue<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IRaviStringValue<TSelf>
{
    /// <summary>The value for a wire string (a known one, or a new value that keeps the string).</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    static abstract TSelf FromString(string value);
}

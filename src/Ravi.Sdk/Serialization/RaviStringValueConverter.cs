using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization;

/// <summary>
/// Reads and writes an <see cref="IRaviStringValue{TSelf}"/> as its JSON string. Public, with a public parameterless
/// constructor and no reflection, so it works in your own source-generated <see cref="JsonSerializerContext"/> and under
/// Native AOT as well as in the SDK's.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
public sealed class RaviStringValueConverter<T> : JsonConverter<T>
    where T : struct, IRaviStringValue<T>
{
    /// <summary>Reads a JSON string as the enum value.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeToConvert">The type to convert.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromString(reader.GetString()!)
            : throw new JsonException($"Expected a JSON string for {typeof(T).Name}, found {reader.TokenType}.");

    /// <summary>Writes the value's string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

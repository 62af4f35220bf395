using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization;

/// <summary>
/// Reads an id that the service may send as a JSON string (our docs, UUIDs) or as a JSON number (the official CLI's Go
/// types declare <c>identity</c> and other ids as <c>int</c>): a number keeps its exact digits as written (<c>7</c> →
/// <c>"7"</c>). Anything else (bool, object, array, a number over 64 characters) is a <see cref="JsonException"/>, which
/// the serializer completes with the type and JSON path. Writes a string. Applied with <c>[JsonConverter]</c> to the
/// string-typed id properties, so it is part of the source-generated context (no reflection, trimming/AOT-safe).
/// </summary>
internal sealed class RaviIdStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Converters.ModelReader.ReadId(ref reader) ?? (reader.TokenType == JsonTokenType.Null
            ? null
            : throw new JsonException()); // a bool, object, array or over-long number: the serializer adds the type and the JSON path

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

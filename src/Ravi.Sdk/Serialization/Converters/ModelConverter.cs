using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>
/// A hand-written converter for one public model, registered on <see cref="RaviJsonContext"/> only (your own serializers
/// see plain records with <see cref="JsonPropertyNameAttribute"/> wire names). It reads the fields into locals and builds
/// the immutable record with one object initializer: as cheap as a mutable DTO, where System.Text.Json's source generator
/// builds init-only records through a boxed argument array (docs/performance.md). No reflection: trimming/AOT-safe.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal abstract class ModelConverter<T> : JsonConverter<T>
    where T : class
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name}, found {reader.TokenType}.");
        }

        return ReadObject(ref reader, options);
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteProperties(writer, value, options);
        writer.WriteEndObject();
    }

    /// <summary>Reads the object's properties (the reader is on its <c>{</c>; leave it on its <c>}</c>).</summary>
    protected abstract T ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes the model's properties with their wire names (nulls left out, as the context does).</summary>
    protected abstract void WriteProperties(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
}

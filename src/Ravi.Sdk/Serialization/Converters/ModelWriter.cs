using System.Text.Json;
using System.Text.Json.Serialization;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>The field writers of the models' converters: the wire forms <see cref="ModelReader"/> reads; null values are left out.</summary>
internal static class ModelWriter
{
    public static void String(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void DateTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            writer.WriteString(name, instant);
        }
    }

    public static void Uri(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Uri? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value.OriginalString);
        }
    }

    /// <summary>Whole seconds when the duration is whole, else fractional.</summary>
    public static void Seconds(Utf8JsonWriter writer, ReadOnlySpan<byte> name, TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            writer.WriteNumber(name, value.Ticks / TimeSpan.TicksPerSecond);
        }
        else
        {
            writer.WriteNumber(name, value.TotalSeconds);
        }
    }

    public static void Direction(Utf8JsonWriter writer, ReadOnlySpan<byte> name, MessageDirection? value)
    {
        if (value is { } direction)
        {
            writer.WriteString(name, direction.ToString());
        }
    }

    public static void Status(Utf8JsonWriter writer, ReadOnlySpan<byte> name, SubscriptionStatus? value)
    {
        if (value is { } status)
        {
            writer.WriteString(name, status.ToString());
        }
    }

    public static void Array<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<T> items, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            converter.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes raw JSON fields back as properties of the current object.</summary>
    public static void Fields(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> fields)
    {
        foreach (var (name, value) in fields)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}

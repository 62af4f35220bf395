using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>
/// The field readers of the models' converters (<see cref="ModelConverter{T}"/>). Each takes the reader on a property name,
/// moves to its value and reads it with the rules the source-generated context applies elsewhere: numbers may come as
/// strings of digits, ids as strings or numbers (kept as written), <c>null</c> is null for nullable fields and an error for
/// the others, anything of the wrong type is a <see cref="JsonException"/> that names the model and the field.
/// </summary>
internal static class ModelReader
{
    /// <summary>Longest number accepted as an id (a 64-bit integer has at most 20 characters).</summary>
    private const int MaxIdNumberLength = 64;

    /// <summary>Longest accepted duration: about 68 years, far beyond any token or polling interval.</summary>
    private const double MaxSeconds = int.MaxValue;

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an object.");
        }

        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Skips the value of a property the model does not know.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    public static string? String(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Mismatch(model, field, "a string", reader.TokenType),
        };
    }

    /// <summary>An id sent as a JSON string or a JSON number (kept as its digits, <c>7</c> → <c>"7"</c>).</summary>
    public static string? Id(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return ReadId(ref reader) ?? (reader.TokenType == JsonTokenType.Null ? null : throw Mismatch(model, field, "a string or number id", reader.TokenType));
    }

    /// <summary>The id at the reader's current token, or null for <c>null</c> and for anything that is not an id.</summary>
    public static string? ReadId(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                if (length > MaxIdNumberLength)
                {
                    return null;
                }

                return reader.HasValueSequence
                    ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray())
                    : Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                return null;
        }
    }

    public static long Int64(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return ReadInt64(ref reader) ?? throw Mismatch(model, field, "a whole number", reader.TokenType);
    }

    public static long? NullableInt64(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader) ?? throw Mismatch(model, field, "a whole number", reader.TokenType);
    }

    public static int Int32(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return ReadInt64(ref reader) is { } value and >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Mismatch(model, field, "a whole number (32-bit)", reader.TokenType);
    }

    public static bool Boolean(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Mismatch(model, field, "true or false", reader.TokenType),
        };
    }

    /// <summary>An ISO 8601 timestamp.</summary>
    public static DateTimeOffset? DateTime(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.TryGetDateTimeOffset(out var value) ? value : throw new JsonException($"{model}.{field}: the value is not an ISO 8601 date and time."),
            JsonTokenType.Null => null,
            _ => throw Mismatch(model, field, "an ISO 8601 string", reader.TokenType),
        };
    }

    /// <summary>A URL (absolute or relative, as the server wrote it).</summary>
    public static Uri? Uri(ref Utf8JsonReader reader, string model, string field)
    {
        var text = String(ref reader, model, field);
        if (text is null)
        {
            return null;
        }

        return System.Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new JsonException($"{model}.{field}: the value is not a URL.");
    }

    /// <summary>A duration sent as a number of seconds (or a string of one).</summary>
    public static TimeSpan Seconds(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        double seconds;
        if (reader.TokenType == JsonTokenType.Number)
        {
            seconds = reader.GetDouble();
        }
        else if (reader.TokenType != JsonTokenType.String || !double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            throw Mismatch(model, field, "a number of seconds", reader.TokenType);
        }

        return double.IsFinite(seconds) && Math.Abs(seconds) <= MaxSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new JsonException($"{model}.{field}: {seconds} seconds is out of range.");
    }

    public static MessageDirection? Direction(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String when reader.ValueTextEquals("inbound"u8) => (MessageDirection?)MessageDirection.Inbound,
            JsonTokenType.String when reader.ValueTextEquals("outbound"u8) => MessageDirection.Outbound,
            JsonTokenType.String => new MessageDirection(reader.GetString()!),
            JsonTokenType.Null => null,
            _ => throw Mismatch(model, field, "a string", reader.TokenType),
        };
    }

    public static SubscriptionStatus? Status(ref Utf8JsonReader reader, string model, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String when reader.ValueTextEquals("active"u8) => (SubscriptionStatus?)SubscriptionStatus.Active,
            JsonTokenType.String => new SubscriptionStatus(reader.GetString()!),
            JsonTokenType.Null => null,
            _ => throw Mismatch(model, field, "a string", reader.TokenType),
        };
    }

    /// <summary>An array of objects read by <paramref name="converter"/>; null items are left out; null for <c>null</c>.</summary>
    public static List<T>? Array<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options, string model, string field)
        where T : class
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch(model, field, "an array", reader.TokenType);
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Null && converter.Read(ref reader, typeof(T), options) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>The value of an unknown property, kept as a standalone <see cref="JsonElement"/> (a copy: the body's buffer is cleared after the read).</summary>
    public static void Keep(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? fields)
    {
        var name = reader.GetString()!;
        reader.Read();
        (fields ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>A required field that was missing or <c>null</c>.</summary>
    public static T Required<T>(T? value, string model, string field)
        where T : class =>
        value ?? throw new JsonException($"{model}.{field} is required but the response has no value for it.");

    private static long? ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) ? number : null;
            case JsonTokenType.String:
                // Numbers may come as strings of digits (the context's AllowReadingFromString).
                if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    return Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed) && consumed == reader.ValueSpan.Length ? parsed : null;
                }

                return long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var text) ? text : null;
            default:
                return null;
        }
    }

    private static JsonException Mismatch(string model, string field, string expected, JsonTokenType found) =>
        new($"{model}.{field}: expected {expected}, found {Describe(found)}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

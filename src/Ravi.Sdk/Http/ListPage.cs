using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ravi.Sdk.Http;

/// <summary>One page of a list response: either a bare JSON array or <c>{count,next,previous,results}</c>.</summary>
internal readonly struct ListPage<T>
{
    public ListPage(List<T> items, string? next)
    {
        Items = items;
        Next = next;
    }

    public List<T> Items { get; }

    public string? Next { get; }

    /// <summary>Parses a page with one forward pass of <see cref="Utf8JsonReader"/>.</summary>
    public static ListPage<T> Parse(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty.");
        }

        var items = new List<T>();
        string? next = null;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadArray(ref reader, typeInfo, items);
            return new ListPage<T>(items, null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON array or a page object, found {reader.TokenType}.");
        }

        var sawResults = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("results"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadArray(ref reader, typeInfo, items);
                    sawResults = true;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("next"u8))
            {
                reader.Read();
                next = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!sawResults)
        {
            throw new JsonException("The page object has no 'results' array.");
        }

        return new ListPage<T>(items, next);
    }

    private static void ReadArray(ref Utf8JsonReader reader, JsonTypeInfo<T> typeInfo, List<T> items)
    {
        // The type's converter reads each item in place. JsonSerializer.Deserialize(ref reader, …) would first skip over
        // the item to scope a reader to it and then parse it: every item read twice (~30% of a list's parse time).
        // The whole page is in memory (isFinalBlock), which is what a converter's Read needs.
        var converter = (JsonConverter<T>)typeInfo.Converter;
        var options = typeInfo.Options;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            var item = converter.Read(ref reader, typeof(T), options);
            if (item is not null)
            {
                items.Add(item);
            }
        }
    }
}

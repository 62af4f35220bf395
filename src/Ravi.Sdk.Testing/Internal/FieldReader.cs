using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>Reads and validates request fields strictly (no type coercion), collecting DRF-style field errors.</summary>
internal sealed class FieldReader(JsonObject body)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IResult ToResult() => Api.FieldErrors(_errors);

    public bool Has(string name) => body.ContainsKey(name);

    public void Error(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public string? String(string name, bool required = true, bool allowBlank = false, bool allowNull = false, int maxLength = 100_000)
    {
        if (!TryGetPresent(name, required, allowNull, out var node))
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Error(name, "Not a valid string.");
            return null;
        }

        var text = value.GetValue<string>();
        if (!allowBlank && string.IsNullOrWhiteSpace(text))
        {
            Error(name, "This field may not be blank.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Error(name, $"Ensure this field has no more than {maxLength.ToString(CultureInfo.InvariantCulture)} characters.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// A recipient list: a string (comma-separated), or — when <paramref name="allowList"/> (the CLI dialect) — an array
    /// of strings, returned joined with <c>", "</c>. Optional; blank allowed.
    /// </summary>
    public string? Recipients(string name, bool allowList)
    {
        if (allowList && body.TryGetPropertyValue(name, out var node) && node is JsonArray)
        {
            return StringList(name) is { } list ? string.Join(", ", list) : null;
        }

        return String(name, required: false, allowBlank: true);
    }

    public long? Integer(string name, long min, long max, bool required = true)
    {
        if (!TryGetPresent(name, required, allowNull: false, out var node))
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out var number))
        {
            Error(name, "A valid integer is required.");
            return null;
        }

        if (number < min)
        {
            Error(name, $"Ensure this value is greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        if (number > max)
        {
            Error(name, $"Ensure this value is less than or equal to {max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        return number;
    }

    public List<string>? StringList(string name, bool required = false)
    {
        if (!TryGetPresent(name, required, allowNull: false, out var node))
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            Error(name, $"Expected a list of items but got type \"{node!.GetValueKind().ToString().ToLowerInvariant()}\".");
            return null;
        }

        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                Error(name, "Not a valid string.");
                return null;
            }

            items.Add(value.GetValue<string>());
        }

        return items;
    }

    private bool TryGetPresent(string name, bool required, bool allowNull, out JsonNode? node)
    {
        if (!body.TryGetPropertyValue(name, out node))
        {
            if (required)
            {
                Error(name, "This field is required.");
            }

            return false;
        }

        if (node is null)
        {
            if (!allowNull)
            {
                Error(name, "This field may not be null.");
            }

            return false;
        }

        return true;
    }
}

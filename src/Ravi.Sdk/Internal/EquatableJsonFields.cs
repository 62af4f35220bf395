using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Ravi.Sdk.Internal;

/// <summary>
/// Raw JSON fields by name (a model's <c>AdditionalProperties</c>): a private copy of what the caller passed in, compared
/// by content (same names, <see cref="JsonElement.DeepEquals"/> values), so the records that hold it compare by content.
/// </summary>
internal sealed class EquatableJsonFields : IReadOnlyDictionary<string, JsonElement>, IEquatable<EquatableJsonFields>
{
    private readonly Dictionary<string, JsonElement> _fields;

    private EquatableJsonFields(Dictionary<string, JsonElement> fields) => _fields = fields;

    /// <summary>No fields (shared).</summary>
    public static EquatableJsonFields Empty { get; } = new(new Dictionary<string, JsonElement>(StringComparer.Ordinal));

    public int Count => _fields.Count;

    public IEnumerable<string> Keys => _fields.Keys;

    public IEnumerable<JsonElement> Values => _fields.Values;

    public JsonElement this[string key] => _fields[key];

    /// <summary>A copy of <paramref name="fields"/>; <see cref="Empty"/> for null or empty.</summary>
    public static EquatableJsonFields From(IEnumerable<KeyValuePair<string, JsonElement>>? fields) => fields switch
    {
        null => Empty,
        EquatableJsonFields same => same,
        IReadOnlyCollection<KeyValuePair<string, JsonElement>> { Count: 0 } => Empty,
        _ => new(new Dictionary<string, JsonElement>(fields, StringComparer.Ordinal)),
    };

    /// <summary>Takes over a dictionary no one else holds (the JSON readers' own): no copy.</summary>
    public static EquatableJsonFields Own(Dictionary<string, JsonElement>? fields) => fields is null || fields.Count == 0 ? Empty : new(fields);

    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => _fields.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _fields.GetEnumerator();

    public bool Equals(EquatableJsonFields? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._fields.Count != _fields.Count)
        {
            return false;
        }

        foreach (var (name, value) in _fields)
        {
            if (!other._fields.TryGetValue(name, out var theirs) || !JsonElement.DeepEquals(value, theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableJsonFields other && Equals(other);

    /// <summary>Hashes the names only (values are compared in <see cref="Equals(EquatableJsonFields)"/>); order-independent.</summary>
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var name in _fields.Keys)
        {
            hash ^= StringComparer.Ordinal.GetHashCode(name);
        }

        return hash;
    }

    /// <summary>The field names (record <c>ToString</c>s print this rather than the values).</summary>
    public override string ToString() => "[" + string.Join(", ", _fields.Keys) + "]";
}

using System.Collections;

namespace Ravi.Sdk.Internal;

/// <summary>
/// The list behind every collection property of a model: a private copy of what the caller passed in (so changing that
/// list later does not change the model) whose <see cref="Equals(EquatableList{T})"/> and <see cref="GetHashCode"/>
/// compare the items, so the records that hold it compare collections by content.
/// </summary>
internal sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly List<T> _items;

    private EquatableList(List<T> items) => _items = items;

    /// <summary>The empty list (shared).</summary>
    public static EquatableList<T> Empty { get; } = new([]);

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    /// <summary>A copy of <paramref name="items"/>; <see cref="Empty"/> for null or empty.</summary>
    public static EquatableList<T> From(IEnumerable<T>? items) => items switch
    {
        null => Empty,
        EquatableList<T> list => list,
        ICollection<T> { Count: 0 } => Empty,
        _ => new(new List<T>(items)),
    };

    /// <summary>Takes over a list no one else holds (the JSON readers' own lists): no copy.</summary>
    public static EquatableList<T> Own(List<T>? items) => items is null || items.Count == 0 ? Empty : new(items);

    public List<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(EquatableList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Count != _items.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Count; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The item count (record <c>ToString</c>s print this rather than the items).</summary>
    public override string ToString() => $"[{_items.Count} item{(_items.Count == 1 ? "" : "s")}]";
}

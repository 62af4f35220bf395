using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>
/// Whether a message came in or went out: <see cref="Inbound"/> or <see cref="Outbound"/>. An extensible enum over the
/// wire string (<c>direction</c>): a value the SDK does not know is kept as it came (<see cref="ToString"/> returns it),
/// so a new server value never fails a read. Values compare ordinally, ignoring case. <c>default</c> has no value and
/// equals no known one.
/// </summary>
[JsonConverter(typeof(RaviStringValueConverter<MessageDirection>))]
public readonly struct MessageDirection : IRaviStringValue<MessageDirection>
{
    private readonly string? _value;

    /// <summary>Creates a direction from its wire string.</summary>
    /// <param name="value">The wire string, e.g. <c>inbound</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public MessageDirection(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Received by the identity (<c>inbound</c>).</summary>
    public static MessageDirection Inbound { get; } = new("inbound");

    /// <summary>Sent by the identity (<c>outbound</c>).</summary>
    public static MessageDirection Outbound { get; } = new("outbound");

    /// <summary>Compares two directions (ordinal, ignoring case).</summary>
    /// <param name="left">One direction.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are the same value.</returns>
    public static bool operator ==(MessageDirection left, MessageDirection right) => left.Equals(right);

    /// <summary>Compares two directions (ordinal, ignoring case).</summary>
    /// <param name="left">One direction.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are different values.</returns>
    public static bool operator !=(MessageDirection left, MessageDirection right) => !left.Equals(right);

    /// <summary>Converts a wire string to a direction.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator MessageDirection(string value) => FromString(value);

    /// <summary>The direction for a wire string: a known value, or a new one that keeps the string.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The direction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static MessageDirection FromString(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(MessageDirection other) => StringValue.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MessageDirection other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringValue.GetHashCode(_value);

    /// <summary>The wire string (empty for <c>default</c>).</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => _value ?? string.Empty;
}

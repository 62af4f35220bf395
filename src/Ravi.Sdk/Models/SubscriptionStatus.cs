using System.Text.Json.Serialization;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>
/// The state of the account's subscription (<c>status</c>): <see cref="Active"/>, <see cref="Trialing"/>,
/// <see cref="PastDue"/>, <see cref="Canceled"/> or <see cref="None"/>. An extensible enum over the wire string: a value
/// the SDK does not know is kept as it came (<see cref="ToString"/> returns it), so a new server value never fails a read.
/// Values compare ordinally, ignoring case. <c>default</c> has no value and equals no known one.
/// </summary>
[JsonConverter(typeof(RaviStringValueConverter<SubscriptionStatus>))]
public readonly struct SubscriptionStatus : IRaviStringValue<SubscriptionStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire string.</summary>
    /// <param name="value">The wire string, e.g. <c>active</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public SubscriptionStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Paid and current (<c>active</c>).</summary>
    public static SubscriptionStatus Active { get; } = new("active");

    /// <summary>In the trial period (<c>trialing</c>).</summary>
    public static SubscriptionStatus Trialing { get; } = new("trialing");

    /// <summary>A payment failed (<c>past_due</c>).</summary>
    public static SubscriptionStatus PastDue { get; } = new("past_due");

    /// <summary>Ended (<c>canceled</c>).</summary>
    public static SubscriptionStatus Canceled { get; } = new("canceled");

    /// <summary>No subscription (<c>none</c>).</summary>
    public static SubscriptionStatus None { get; } = new("none");

    /// <summary>Compares two statuses (ordinal, ignoring case).</summary>
    /// <param name="left">One status.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are the same value.</returns>
    public static bool operator ==(SubscriptionStatus left, SubscriptionStatus right) => left.Equals(right);

    /// <summary>Compares two statuses (ordinal, ignoring case).</summary>
    /// <param name="left">One status.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are different values.</returns>
    public static bool operator !=(SubscriptionStatus left, SubscriptionStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string to a status.</summary>
    /// <param name="value">The wire string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator SubscriptionStatus(string value) => FromString(value);

    /// <summary>The status for a wire string: a known value, or a new one that keeps the string.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static SubscriptionStatus FromString(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(SubscriptionStatus other) => StringValue.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SubscriptionStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringValue.GetHashCode(_value);

    /// <summary>The wire string (empty for <c>default</c>).</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => _value ?? string.Empty;
}

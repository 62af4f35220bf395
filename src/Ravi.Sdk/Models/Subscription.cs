using System.Text.Json;
using System.Text.Json.Serialization;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Models;

/// <summary>The account's subscription status.</summary>
public sealed record Subscription
{
    /// <summary>The status (<see cref="SubscriptionStatus.Active"/>, <see cref="SubscriptionStatus.Trialing"/>…); null when the server does not say.</summary>
    [JsonPropertyName("status")]
    public SubscriptionStatus? Status { get; init; }

    /// <summary>The plan name.</summary>
    [JsonPropertyName("plan")]
    public string? Plan { get; init; }

    /// <summary>Whether the subscription currently allows paid actions.</summary>
    [JsonPropertyName("is_active")]
    public bool IsActive { get; init; }

    /// <summary>When the current period ends.</summary>
    [JsonPropertyName("current_period_end")]
    public DateTimeOffset? CurrentPeriodEndsAt { get; init; }

    /// <summary>
    /// Fields this SDK version does not model, as raw JSON by field name; empty (never null) when there are none. A copy
    /// of the dictionary it was given; compared by content (<see cref="JsonElement.DeepEquals"/>) in
    /// <see cref="Equals(Subscription?)"/>. Not part of the model's own JSON (<see cref="JsonIgnoreAttribute"/>): the SDK
    /// fills it while reading.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; init => field = EquatableJsonFields.From(value); } = EquatableJsonFields.Empty;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ravi.Sdk.Models;

/// <summary>The account's subscription status.</summary>
public sealed record Subscription
{
    /// <summary>The status, e.g. <c>active</c>, <c>trialing</c>, <c>past_due</c>, <c>canceled</c>, <c>none</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The plan name.</summary>
    public string? Plan { get; init; }

    /// <summary>Whether the subscription currently allows paid actions.</summary>
    public bool IsActive { get; init; }

    /// <summary>When the current period ends.</summary>
    public DateTimeOffset? CurrentPeriodEnd { get; init; }

    /// <summary>
    /// Fields this SDK version does not model, kept as raw JSON. (Settable rather than init-only because the
    /// source-generated serializer cannot fill an init-only extension-data property.)
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

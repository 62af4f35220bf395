using System.Text.Json;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Serialization.Converters;

/// <summary>Reads and writes the subscription (unknown fields kept in AdditionalProperties): <see cref="Subscription"/> (see <see cref="ModelConverter{T}"/>).</summary>
internal sealed class SubscriptionConverter : ModelConverter<Subscription>
{
    private const string Model = nameof(Subscription);

    public static SubscriptionConverter Instance { get; } = new();

    protected override Subscription ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        SubscriptionStatus? status = null;
        string? plan = null;
        bool isActive = default;
        DateTimeOffset? currentPeriodEndsAt = null;
        Dictionary<string, JsonElement>? additionalProperties = null;
        while (ModelReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("status"u8))
            {
                status = ModelReader.Status(ref reader, Model, "status");
            }
            else if (reader.ValueTextEquals("plan"u8))
            {
                plan = ModelReader.String(ref reader, Model, "plan");
            }
            else if (reader.ValueTextEquals("is_active"u8))
            {
                isActive = ModelReader.Boolean(ref reader, Model, "is_active");
            }
            else if (reader.ValueTextEquals("current_period_end"u8))
            {
                currentPeriodEndsAt = ModelReader.DateTime(ref reader, Model, "current_period_end");
            }
            else
            {
                ModelReader.Keep(ref reader, ref additionalProperties);
            }
        }

        return new Subscription
        {
            Status = status,
            Plan = plan,
            IsActive = isActive,
            CurrentPeriodEndsAt = currentPeriodEndsAt,
            AdditionalProperties = EquatableJsonFields.Own(additionalProperties),
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, Subscription value, JsonSerializerOptions options)
    {
        ModelWriter.Status(writer, "status"u8, value.Status);
        ModelWriter.String(writer, "plan"u8, value.Plan);
        writer.WriteBoolean("is_active"u8, value.IsActive);
        ModelWriter.DateTime(writer, "current_period_end"u8, value.CurrentPeriodEndsAt);
        ModelWriter.Fields(writer, value.AdditionalProperties);
    }
}

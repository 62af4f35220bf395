using System.Text.Json;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Tests.Models;

/// <summary>
/// The extensible string enums (<see cref="MessageDirection"/>, <see cref="SubscriptionStatus"/>): known values as static
/// properties, unknown wire values kept (never an error), ordinal case-insensitive equality, the wire string from
/// <see cref="object.ToString"/>, and a JSON string both ways through the SDK's context and any other serializer.
/// </summary>
public sealed class StringValueTests
{
    [Fact]
    public void Known_values_compare_with_their_wire_strings()
    {
        Assert.Equal("inbound", MessageDirection.Inbound.ToString());
        Assert.Equal("outbound", MessageDirection.Outbound.ToString());
        Assert.Equal("past_due", SubscriptionStatus.PastDue.ToString());
        Assert.True(MessageDirection.Inbound == "inbound");
        Assert.True(MessageDirection.Inbound == new MessageDirection("INBOUND")); // ordinal, ignoring case
        Assert.Equal(MessageDirection.Inbound.GetHashCode(), new MessageDirection("Inbound").GetHashCode());
        Assert.True(MessageDirection.Inbound != MessageDirection.Outbound);
        Assert.Equal(SubscriptionStatus.Active, SubscriptionStatus.FromString("active"));
    }

    [Fact]
    public void Unknown_values_are_kept_and_default_has_no_value()
    {
        var forwarded = new MessageDirection("forwarded");

        Assert.Equal("forwarded", forwarded.ToString());
        Assert.NotEqual(MessageDirection.Inbound, forwarded);
        Assert.Equal(string.Empty, default(MessageDirection).ToString());
        Assert.NotEqual(MessageDirection.Inbound, default);
        Assert.Throws<ArgumentNullException>(() => new SubscriptionStatus(null!));
        Assert.Throws<ArgumentNullException>(() => MessageDirection.FromString(null!));
    }

    [Theory]
    [InlineData("inbound", "inbound")]
    [InlineData("outbound", "outbound")]
    [InlineData("bounced", "bounced")]
    [InlineData("Inbound", "Inbound")]
    public void The_sdk_reads_any_direction_and_keeps_its_string(string wire, string expected)
    {
        var message = JsonSerializer.Deserialize($$"""{"id":1,"direction":"{{wire}}"}""", Ravi.Sdk.Serialization.RaviJsonContext.Default.EmailMessage)!;

        Assert.Equal(expected, message.Direction.ToString());
        Assert.Equal(wire.Equals("inbound", StringComparison.OrdinalIgnoreCase), message.Direction == MessageDirection.Inbound);
    }

    [Fact]
    public void A_direction_that_is_not_a_string_is_an_error_and_null_is_none()
    {
        Assert.Null(JsonSerializer.Deserialize("""{"id":1,"direction":null}""", Ravi.Sdk.Serialization.RaviJsonContext.Default.SmsMessage)!.Direction);
        Assert.Null(JsonSerializer.Deserialize("""{"id":1}""", Ravi.Sdk.Serialization.RaviJsonContext.Default.SmsMessage)!.Direction);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":1,"direction":3}""", Ravi.Sdk.Serialization.RaviJsonContext.Default.SmsMessage));
    }

    [Fact]
    public void The_public_converter_writes_and_reads_the_wire_string_with_reflection_too()
    {
        Assert.Equal("\"outbound\"", JsonSerializer.Serialize(MessageDirection.Outbound));
        Assert.Equal(new SubscriptionStatus("paused"), JsonSerializer.Deserialize<SubscriptionStatus>("\"paused\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MessageDirection>("42"));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Tests.Serialization;

/// <summary>
/// Your own source-generated context can hold the SDK's models: they name no internal converter (the build would warn
/// SYSLIB1220, an error here), the extensible enums carry a public one, and a model survives a round trip with the
/// wire names.
/// </summary>
public sealed class UserJsonContextTests
{
    [Fact]
    public void Models_round_trip_through_a_users_source_generated_context()
    {
        var message = new EmailMessage
        {
            Id = 5,
            Url = new Uri("https://ravi.test/api/email-messages/5/"),
            Direction = MessageDirection.Outbound,
            Attachments = [new EmailAttachment { Uuid = "a", FileName = "x.pdf", DownloadUrl = new Uri("https://storage.test/x") }],
            CreatedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
        };

        var json = JsonSerializer.Serialize(message, UserContext.Default.EmailMessage);
        var back = JsonSerializer.Deserialize(json, UserContext.Default.EmailMessage);

        Assert.Contains("\"direction\":\"outbound\"", json, StringComparison.Ordinal);
        Assert.Contains("\"filename\":\"x.pdf\"", json, StringComparison.Ordinal);
        Assert.Contains("\"created_dt\":", json, StringComparison.Ordinal);
        Assert.Equal(message, back);
        var status = JsonSerializer.Deserialize("""{"status":"trialing","is_active":true}""", UserContext.Default.Subscription)!;
        Assert.Equal(SubscriptionStatus.Trialing, status.Status);
    }
}

[JsonSerializable(typeof(EmailMessage))]
[JsonSerializable(typeof(EmailThreadDetail))]
[JsonSerializable(typeof(SmsConversation))]
[JsonSerializable(typeof(SmsMessage))]
[JsonSerializable(typeof(Identity))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(DeviceAuthorization))]
[JsonSerializable(typeof(PresignedUpload))]
[JsonSerializable(typeof(PasswordEntry))]
[JsonSerializable(typeof(VaultSecret))]
[JsonSerializable(typeof(EmailThread))]
[JsonSerializable(typeof(Phone))]
[JsonSerializable(typeof(AccountUser))]
[JsonSerializable(typeof(EncryptionMetadata))]
internal sealed partial class UserContext : JsonSerializerContext;

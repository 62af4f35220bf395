using System.Text.Json.Serialization;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Serialization;

/// <summary>
/// The SDK's one source-generated JSON context (snake_case, unknown fields ignored, nulls not written).
/// Every type the SDK serializes is listed here (a second partial declaration with more attributes would break the generator).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(Identity))]
[JsonSerializable(typeof(RaviUser))]
[JsonSerializable(typeof(EmailThread))]
[JsonSerializable(typeof(EmailThreadDetail))]
[JsonSerializable(typeof(EmailMessage))]
[JsonSerializable(typeof(SmsConversation))]
[JsonSerializable(typeof(SmsMessage))]
[JsonSerializable(typeof(Phone))]
[JsonSerializable(typeof(EncryptionMetadata))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(ComposeEmailRequest))]
[JsonSerializable(typeof(ReplyEmailRequest))]
[JsonSerializable(typeof(PresignedUpload))]
[JsonSerializable(typeof(DeviceAuthorization))]
[JsonSerializable(typeof(IdentityWriteBody))]
[JsonSerializable(typeof(PresignBody))]
[JsonSerializable(typeof(PasswordEntryWire))]
[JsonSerializable(typeof(PasswordWriteBody))]
[JsonSerializable(typeof(VaultSecretWire))]
[JsonSerializable(typeof(VaultWriteBody))]
[JsonSerializable(typeof(GeneratedPasswordWire))]
[JsonSerializable(typeof(TokenWire))]
[JsonSerializable(typeof(LoginBody))]
[JsonSerializable(typeof(RefreshBody))]
[JsonSerializable(typeof(DeviceTokenBody))]
[JsonSerializable(typeof(EmptyBody))]
[JsonSerializable(typeof(Ravi.Sdk.Events.EmailEventPayload))]
[JsonSerializable(typeof(Ravi.Sdk.Events.SmsEventPayload))]
internal sealed partial class RaviJsonContext : JsonSerializerContext
{
}

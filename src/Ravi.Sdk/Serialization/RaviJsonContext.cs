using System.Text.Json.Serialization;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization.Converters;
using Ravi.Sdk.Serialization.Wire;

namespace Ravi.Sdk.Serialization;

/// <summary>
/// The SDK's one source-generated JSON context (unknown fields ignored, nulls not written, numbers also read from strings).
/// Every type the SDK serializes is listed here (a second partial declaration with more attributes would break the
/// generator). Every property names its wire field with <see cref="JsonPropertyNameAttribute"/>, so no naming policy
/// applies. The public response models are read and written by their hand-written converters
/// (<see cref="Converters.ModelConverter{T}"/>, registered below; docs/performance.md says why); requests and the internal
/// wire types go through the generated metadata.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    Converters =
    [
        typeof(IdentityConverter), typeof(AccountUserConverter), typeof(EmailThreadConverter), typeof(EmailThreadDetailConverter),
        typeof(EmailMessageConverter), typeof(EmailAttachmentConverter), typeof(SmsConversationConverter),
        typeof(SmsConversationMessageConverter), typeof(SmsMessageConverter), typeof(PhoneConverter),
        typeof(EncryptionMetadataConverter), typeof(SubscriptionConverter), typeof(PresignedUploadConverter),
        typeof(DeviceAuthorizationConverter),
    ])]
[JsonSerializable(typeof(Identity))]
[JsonSerializable(typeof(AccountUser))]
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

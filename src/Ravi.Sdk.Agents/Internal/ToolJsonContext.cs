using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ravi.Sdk.Agents.Results;

namespace Ravi.Sdk.Agents.Internal;

/// <summary>The source-generated JSON metadata of tool results and schemas (trimming/AOT-safe). Use <see cref="ToolJson.Context"/> for results.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(AttachmentItem))]
[JsonSerializable(typeof(CodeItem))]
[JsonSerializable(typeof(CodeResult))]
[JsonSerializable(typeof(EmailMessageItem))]
[JsonSerializable(typeof(EmailResult))]
[JsonSerializable(typeof(EmailThreadItem))]
[JsonSerializable(typeof(EmailThreadListResult))]
[JsonSerializable(typeof(EmailThreadResult))]
[JsonSerializable(typeof(GeneratedPasswordResult))]
[JsonSerializable(typeof(IdentityItem))]
[JsonSerializable(typeof(IdentityListResult))]
[JsonSerializable(typeof(LinkResult))]
[JsonSerializable(typeof(PasswordEntryItem))]
[JsonSerializable(typeof(PasswordItem))]
[JsonSerializable(typeof(PasswordListResult))]
[JsonSerializable(typeof(PasswordResult))]
[JsonSerializable(typeof(PhoneResult))]
[JsonSerializable(typeof(SavedPasswordResult))]
[JsonSerializable(typeof(SecretKeyItem))]
[JsonSerializable(typeof(SecretListResult))]
[JsonSerializable(typeof(SecretResult))]
[JsonSerializable(typeof(SentEmailResult))]
[JsonSerializable(typeof(SmsConversationItem))]
[JsonSerializable(typeof(SmsConversationListResult))]
[JsonSerializable(typeof(SmsConversationResult))]
[JsonSerializable(typeof(SmsMessageItem))]
[JsonSerializable(typeof(StatusResult))]
[JsonSerializable(typeof(StoredSecretResult))]
[JsonSerializable(typeof(TotpCodeResult))]
[JsonSerializable(typeof(TotpEnrolledResult))]
[JsonSerializable(typeof(TotpEnrollmentItem))]
[JsonSerializable(typeof(TotpListResult))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;

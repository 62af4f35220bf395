using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// The wire shapes (snake_case JSON) of every resource, written out field by field so the protocol is visible in one
/// place. Callers hold <see cref="ServerState.Sync"/> while mapping records.
/// </summary>
internal static class Wire
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string ToJson(JsonNode? node) => System.Text.Encoding.UTF8.GetString(ToUtf8(node));

    public static JsonObject User(UserRecord user) => new()
    {
        ["id"] = user.Id,
        ["email"] = user.Email,
        ["first_name"] = user.FirstName,
        ["last_name"] = user.LastName,
    };

    public static JsonObject Tokens(RaviTestServerOptions options, string access, string? refresh, UserRecord? user)
    {
        var body = new JsonObject { [options.UseLongTokenFieldNames ? "access_token" : "access"] = access };
        if (refresh is not null)
        {
            body[options.UseLongTokenFieldNames ? "refresh_token" : "refresh"] = refresh;
        }

        if (user is not null)
        {
            body["user"] = User(user);
        }

        return body;
    }

    public static JsonObject Identity(IdentityRecord identity) => new()
    {
        ["uuid"] = identity.Uuid,
        ["name"] = identity.Name,
        ["inbox"] = identity.Inbox,
        ["phone"] = identity.PhoneNumber,
        ["created_dt"] = ServerState.Timestamp(identity.CreatedAt),
        ["updated_dt"] = ServerState.Timestamp(identity.UpdatedAt),
    };

    public static JsonObject Phone(IdentityRecord identity) => new()
    {
        ["id"] = identity.PhoneId,
        ["phone_number"] = identity.PhoneNumber,
        ["provider"] = "twilio",
        ["created_dt"] = ServerState.Timestamp(identity.CreatedAt),
    };

    public static JsonObject EmailMessage(EmailMessageRecord message, string baseUrl) => new()
    {
        ["id"] = message.Id,
        ["url"] = $"{baseUrl}/api/email-messages/{message.Id.ToString(CultureInfo.InvariantCulture)}/",
        ["message_id"] = message.MessageId,
        ["thread_id"] = message.ThreadId,
        ["from_email"] = message.From,
        ["to_email"] = message.To,
        ["cc"] = message.Cc,
        ["subject"] = message.Subject,
        ["text_content"] = message.Text,
        ["html_content"] = message.Html,
        ["direction"] = message.Inbound ? "inbound" : "outbound",
        ["is_read"] = message.IsRead,
        ["attachments"] = new JsonArray([.. message.Attachments.Select(a => (JsonNode)Attachment(a, baseUrl))]),
        ["created_dt"] = ServerState.Timestamp(message.CreatedAt),
    };

    public static JsonObject Attachment(AttachmentRecord attachment, string baseUrl) => new()
    {
        ["uuid"] = attachment.Uuid,
        ["filename"] = attachment.Filename,
        ["content_type"] = attachment.ContentType,
        ["size"] = attachment.Size,
        ["is_inline"] = false,
        ["download_url"] = $"{baseUrl}/_storage/{attachment.Uuid}?sig={attachment.DownloadSignature}",
    };

    public static JsonObject EmailThread(IdentityRecord identity, string threadId, List<EmailMessageRecord> messages)
    {
        var latest = messages[^1];
        var sender = messages.LastOrDefault(m => m.Inbound) ?? messages[0];
        return new JsonObject
        {
            ["thread_id"] = threadId,
            ["subject"] = messages[0].Subject,
            ["preview"] = ServerState.Preview(latest.Text),
            ["from_email"] = sender.From,
            ["inbox"] = identity.Inbox,
            ["message_count"] = messages.Count,
            ["unread_count"] = messages.Count(m => !m.IsRead),
            ["latest_message_dt"] = ServerState.Timestamp(latest.CreatedAt),
            ["oldest_message_dt"] = ServerState.Timestamp(messages[0].CreatedAt),
        };
    }

    public static JsonObject EmailThreadDetail(string threadId, List<EmailMessageRecord> messages, string baseUrl) => new()
    {
        ["thread_id"] = threadId,
        ["subject"] = messages[0].Subject,
        ["message_count"] = messages.Count,
        ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)EmailMessage(m, baseUrl))]),
    };

    public static JsonObject SmsMessage(SmsMessageRecord message, IdentityRecord identity, string baseUrl) => new()
    {
        ["id"] = message.Id,
        ["url"] = $"{baseUrl}/api/messages/{message.Id.ToString(CultureInfo.InvariantCulture)}/",
        ["from_number"] = message.From,
        ["to_number"] = message.To,
        ["body"] = message.Body,
        ["message_sid"] = message.MessageSid,
        ["phone"] = identity.PhoneNumber,
        ["direction"] = message.Inbound ? "inbound" : "outbound",
        ["is_read"] = message.IsRead,
        ["created_dt"] = ServerState.Timestamp(message.CreatedAt),
    };

    public static JsonObject SmsConversation(IdentityRecord identity, string conversationId, List<SmsMessageRecord> messages, bool withMessages)
    {
        var latest = messages[^1];
        var body = new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["from_number"] = messages[0].From,
            ["phone"] = identity.PhoneNumber,
            ["phone_number"] = identity.PhoneNumber,
            ["preview"] = ServerState.Preview(latest.Body),
            ["message_count"] = messages.Count,
            ["unread_count"] = messages.Count(m => !m.IsRead),
            ["latest_message_dt"] = ServerState.Timestamp(latest.CreatedAt),
        };
        if (withMessages)
        {
            body["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["body"] = m.Body,
                ["direction"] = m.Inbound ? "inbound" : "outbound",
                ["is_read"] = m.IsRead,
                ["created_dt"] = ServerState.Timestamp(m.CreatedAt),
            })]);
        }

        return body;
    }

    /// <summary>The owning identity as a reference: its UUID (documented) or its numeric id (the CLI's Go type is <c>int</c>).</summary>
    public static JsonNode IdentityRef(string uuid, long id, bool cli) => cli ? JsonValue.Create(id) : JsonValue.Create(uuid);

    public static JsonObject Password(PasswordRecord entry, bool redactPassword, bool cli) => new()
    {
        ["uuid"] = entry.Uuid,
        ["identity"] = IdentityRef(entry.IdentityUuid, entry.IdentityId, cli),
        ["domain"] = entry.Domain,
        ["username"] = entry.Username,
        ["password"] = redactPassword ? null : entry.Password,
        ["notes"] = entry.Notes,
        ["created_dt"] = ServerState.Timestamp(entry.CreatedAt),
        ["updated_dt"] = ServerState.Timestamp(entry.UpdatedAt),
    };

    public static JsonObject Secret(VaultRecord secret, bool redactValue, bool cli) => new()
    {
        ["uuid"] = secret.Uuid,
        ["identity"] = IdentityRef(secret.IdentityUuid, secret.IdentityId, cli),
        ["key"] = secret.Key,
        ["value"] = redactValue ? null : secret.Value,
        ["notes"] = secret.Notes,
        ["created_dt"] = ServerState.Timestamp(secret.CreatedAt),
        ["updated_dt"] = ServerState.Timestamp(secret.UpdatedAt),
    };

    public static JsonObject Encryption(EncryptionRecord encryption) => new()
    {
        ["id"] = encryption.Id,
        ["salt"] = encryption.Salt,
        ["verifier"] = encryption.Verifier,
        ["public_key"] = encryption.PublicKey,
    };

    /// <summary>The CLI dialect's answer before setup: 200 with every field empty (the documented dialect answers 404).</summary>
    public static JsonObject EncryptionNotSetUp() => new()
    {
        ["id"] = null,
        ["salt"] = "",
        ["verifier"] = "",
        ["public_key"] = "",
    };

    /// <summary>An email address record of <c>GET /api/email/</c> (CLI dialect; the CLI reads <c>id</c> as compose's <c>?inbox=</c>).</summary>
    public static JsonObject EmailAddress(IdentityRecord identity) => new()
    {
        ["id"] = identity.InboxId,
        ["email"] = identity.Inbox,
        ["created_dt"] = ServerState.Timestamp(identity.CreatedAt),
    };

    /// <summary>The account owner of <c>GET /api/master/</c> (CLI dialect).</summary>
    public static JsonObject Owner(UserRecord user) => new()
    {
        ["first_name"] = user.FirstName,
        ["last_name"] = user.LastName,
    };

    public static JsonObject Subscription(UserRecord user, DateTimeOffset now) => user.SubscriptionActive
        ? new JsonObject
        {
            ["status"] = "active",
            ["plan"] = "pro",
            ["is_active"] = true,
            ["current_period_end"] = ServerState.Timestamp(now.AddDays(30)),
        }
        : new JsonObject
        {
            ["status"] = "inactive",
            ["plan"] = null,
            ["is_active"] = false,
            ["current_period_end"] = null,
        };
}

using System.Globalization;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Tests.Foundation.Infrastructure;

/// <summary>
/// Server response bodies in the documented wire shape (snake_case; some with unknown extra fields, which must be
/// ignored) and the models the SDK must parse them into, built with <see cref="RaviModelFactory"/>.
/// </summary>
internal static class Samples
{
    public const string OtherIdentityUuid = "0b7d2f3e-9a1c-4d5e-8f60-1a2b3c4d5e6f";
    public const string EntryUuid = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    public const string SecretUuid = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";
    public const string AttachmentUuid = "7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9";

    public static readonly DateTimeOffset Created = new(2026, 2, 25, 10, 30, 0, TimeSpan.Zero);

    /// <summary>2026-03-01T08:15:30.123456+02:00: fractional seconds and a non-UTC offset must survive parsing.</summary>
    public static readonly DateTimeOffset Updated = new DateTimeOffset(2026, 3, 1, 8, 15, 30, TimeSpan.FromHours(2)).AddTicks(1_234_560);

    public const string CreatedJson = "2026-02-25T10:30:00Z";
    public const string UpdatedJson = "2026-03-01T08:15:30.123456+02:00";

    // ---- identities -------------------------------------------------------------------------------------------------
    public static string IdentityJson(string uuid = WireHarness.IdentityUuid, string name = "my-agent") =>
        $$"""{"uuid":"{{uuid}}","name":"{{name}}","inbox":"{{name}}@in.ravi.app","phone":"+15551234567","created_dt":"{{CreatedJson}}","updated_dt":"{{UpdatedJson}}","links":{"self":"x"},"is_archived":false}""";

    public static Identity Identity(string uuid = WireHarness.IdentityUuid, string name = "my-agent") =>
        RaviModelFactory.Identity(uuid, name, name + "@in.ravi.app", "+15551234567", Created, Updated);

    // ---- auth -------------------------------------------------------------------------------------------------------
    public const string UserJson = """{"id":17,"email":"owner@corp.example","first_name":"Ada","last_name":"Lovelace","is_staff":false}""";

    public static RaviUser User => RaviModelFactory.RaviUser(17, "owner@corp.example", "Ada", "Lovelace");

    public const string DeviceJson = """{"device_code":"dev-code-1","user_code":"WDJB-MJHT","verification_uri":"https://ravi.app/device","verification_uri_complete":"https://ravi.app/device?code=WDJB-MJHT","expires_in":900,"interval":7}""";

    public static DeviceAuthorization Device =>
        RaviModelFactory.DeviceAuthorization("dev-code-1", "WDJB-MJHT", "https://ravi.app/device", "https://ravi.app/device?code=WDJB-MJHT", 900, 7);

    // ---- email ------------------------------------------------------------------------------------------------------
    public static string ThreadJson(string id = "thread-abc123", int unread = 1) =>
        $$"""{"thread_id":"{{id}}","subject":"Your code","preview":"Your code is 847291","from_email":"noreply@service.example","inbox":"my-agent@in.ravi.app","message_count":3,"unread_count":{{unread}},"latest_message_dt":"{{UpdatedJson}}","oldest_message_dt":"{{CreatedJson}}"}""";

    public static EmailThread Thread(string id = "thread-abc123", int unread = 1) =>
        RaviModelFactory.EmailThread(id, "Your code", "Your code is 847291", "noreply@service.example", "my-agent@in.ravi.app", 3, unread, Updated, Created);

    public const string AttachmentJson =
        $$"""{"uuid":"{{AttachmentUuid}}","filename":"invoice.pdf","content_type":"application/pdf","size":52341,"is_inline":true,"download_url":"https://storage.test/dl/invoice.pdf?sig=1"}""";

    public static EmailAttachment Attachment =>
        RaviModelFactory.EmailAttachment(AttachmentUuid, "invoice.pdf", "application/pdf", 52341, true, "https://storage.test/dl/invoice.pdf?sig=1");

    public static string EmailMessageJson(long id = 42, bool withAttachment = true) =>
        $$"""{"id":{{id}},"url":"https://ravi.test/api/email-messages/{{id}}/","message_id":"<m{{id}}@mail.example>","thread_id":"thread-abc123","from_email":"noreply@service.example","to_email":"my-agent@in.ravi.app","cc":"boss@corp.example","subject":"Message {{id}}","text_content":"Your code is 847291","html_content":"<p>Your code is <b>847291</b> &amp; more</p>","direction":"inbound","is_read":true,"attachments":[{{(withAttachment ? AttachmentJson : "")}}],"created_dt":"{{CreatedJson}}","spam_score":0.1}""";

    public static EmailMessage EmailMessage(long id = 42, bool withAttachment = true) =>
        RaviModelFactory.EmailMessage(
            id,
            $"https://ravi.test/api/email-messages/{id.ToString(CultureInfo.InvariantCulture)}/",
            $"<m{id.ToString(CultureInfo.InvariantCulture)}@mail.example>",
            "thread-abc123",
            "noreply@service.example",
            "my-agent@in.ravi.app",
            "boss@corp.example",
            $"Message {id.ToString(CultureInfo.InvariantCulture)}",
            "Your code is 847291",
            "<p>Your code is <b>847291</b> &amp; more</p>",
            "inbound",
            true,
            withAttachment ? [Attachment] : [],
            Created);

    public static string ThreadDetailJson =>
        $$"""{"thread_id":"thread-abc123","subject":"Your code","message_count":2,"messages":[{{EmailMessageJson(41, false)}},{{EmailMessageJson(42)}}]}""";

    public static EmailThreadDetail ThreadDetail =>
        RaviModelFactory.EmailThreadDetail("thread-abc123", "Your code", 2, [EmailMessage(41, false), EmailMessage(42)]);

    // ---- attachments ------------------------------------------------------------------------------------------------
    public const string UploadUrl = "https://storage.test/bucket/att/7e6d?X-Amz-Signature=abc%2Bdef&X-Amz-Expires=900";

    public const string PresignJson = $$"""{"uuid":"{{AttachmentUuid}}","upload_url":"{{UploadUrl}}","storage_key":"att/7e6d"}""";

    public static PresignedUpload Presigned => RaviModelFactory.PresignedUpload(AttachmentUuid, UploadUrl, "att/7e6d");

    // ---- sms --------------------------------------------------------------------------------------------------------
    public static string ConversationJson(string id = "conv-xyz789", string messages = "") =>
        $$"""{"conversation_id":"{{id}}","from_number":"+15559876543","phone":"ph_12","phone_number":"+15551234567","preview":"Your verification code is 847291","message_count":2,"unread_count":1,"latest_message_dt":"{{UpdatedJson}}"{{messages}}}""";

    public static SmsConversation Conversation(string id = "conv-xyz789", IEnumerable<SmsConversationMessage>? messages = null) =>
        RaviModelFactory.SmsConversation(id, "+15559876543", "ph_12", "+15551234567", "Your verification code is 847291", 2, 1, Updated, messages);

    public static string ConversationDetailJson =>
        ConversationJson(messages: $$""","messages":[{"id":1,"body":"Hi","direction":"outbound","is_read":true,"created_dt":"{{CreatedJson}}"},{"id":2,"body":"Your verification code is 847291","direction":"inbound","is_read":false,"created_dt":"{{UpdatedJson}}"}]""");

    public static SmsConversation ConversationDetail => Conversation(messages:
    [
        RaviModelFactory.SmsConversationMessage(1, "Hi", "outbound", true, Created),
        RaviModelFactory.SmsConversationMessage(2, "Your verification code is 847291", "inbound", false, Updated),
    ]);

    public static string SmsMessageJson(long id = 7) =>
        $$"""{"id":{{id}},"url":"https://ravi.test/api/messages/{{id}}/","from_number":"+15559876543","to_number":"+15551234567","body":"Code 847291","message_sid":"SM{{id}}","phone":"ph_12","direction":"inbound","is_read":false,"created_dt":"{{UpdatedJson}}"}""";

    public static SmsMessage SmsMessage(long id = 7) =>
        RaviModelFactory.SmsMessage(id, $"https://ravi.test/api/messages/{id.ToString(CultureInfo.InvariantCulture)}/", "+15559876543", "+15551234567", "Code 847291", "SM" + id.ToString(CultureInfo.InvariantCulture), "ph_12", "inbound", false, Updated);

    // ---- passwords / vault ------------------------------------------------------------------------------------------
    public const string Cipher = "e2e::q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    public static string PasswordJson(string uuid = EntryUuid, string? username = "\"me@example.com\"", string? password = "\"hunter2\"", string? notes = "\"work account\"") =>
        $$"""{"uuid":"{{uuid}}","identity":"{{WireHarness.IdentityUuid}}","domain":"example.com","username":{{username ?? "null"}},"password":{{password ?? "null"}},"notes":{{notes ?? "null"}},"created_dt":"{{CreatedJson}}","updated_dt":"{{UpdatedJson}}"}""";

    public static PasswordEntry Password(string uuid = EntryUuid, string? username = "me@example.com", string? password = "hunter2", string? notes = "work account", RaviEncryptedFields encrypted = RaviEncryptedFields.None) =>
        RaviModelFactory.PasswordEntry(uuid, WireHarness.IdentityUuid, "example.com", username, password, notes, encrypted, Created, Updated);

    public static string SecretJson(string uuid = SecretUuid, string key = "OPENAI_API_KEY", string? value = "\"sk-plain\"", string? notes = "\"prod\"") =>
        $$"""{"uuid":"{{uuid}}","identity":"{{WireHarness.IdentityUuid}}","key":"{{key}}","value":{{value ?? "null"}},"notes":{{notes ?? "null"}},"created_dt":"{{CreatedJson}}","updated_dt":"{{UpdatedJson}}"}""";

    public static VaultSecret Secret(string uuid = SecretUuid, string key = "OPENAI_API_KEY", string? value = "sk-plain", string? notes = "prod", RaviEncryptedFields encrypted = RaviEncryptedFields.None) =>
        RaviModelFactory.VaultSecret(uuid, WireHarness.IdentityUuid, key, value, notes, encrypted, Created, Updated);

    // ---- encryption / phone / subscription --------------------------------------------------------------------------
    public const string EncryptionJson = """{"id":3,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","verifier":"dmVyaWZpZXI=","public_key":"r1feBlhwAtS4e36U3AJLFQKjFYzWsXITkKpH1kffcHo="}""";

    public static EncryptionMetadata Encryption =>
        RaviModelFactory.EncryptionMetadata(3, "AAAAAAAAAAAAAAAAAAAAAA==", "dmVyaWZpZXI=", "r1feBlhwAtS4e36U3AJLFQKjFYzWsXITkKpH1kffcHo=");

    public const string PhoneJson = $$"""{"id":12,"phone_number":"+15551234567","provider":"twilio","created_dt":"{{CreatedJson}}"}""";

    public static Phone Phone => RaviModelFactory.Phone(12, "+15551234567", "twilio", Created);
}

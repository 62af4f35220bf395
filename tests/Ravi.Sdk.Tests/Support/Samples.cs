using System.Globalization;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Tests.Support;

/// <summary>
/// Server response bodies in the documented wire shape (snake_case; some with unknown extra fields, which must be
/// ignored) and the models the SDK must parse them into, built with object initializers (as users build them in their own tests).
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
        new() { Uuid = uuid, Name = name, Inbox = name + "@in.ravi.app", PhoneNumber = "+15551234567", CreatedAt = Created, UpdatedAt = Updated };

    // ---- auth -------------------------------------------------------------------------------------------------------
    public const string UserJson = """{"id":17,"email":"owner@corp.example","first_name":"Ada","last_name":"Lovelace","is_staff":false}""";

    public static AccountUser User => new() { Id = 17, Email = "owner@corp.example", FirstName = "Ada", LastName = "Lovelace" };

    public const string DeviceJson = """{"device_code":"dev-code-1","user_code":"WDJB-MJHT","verification_uri":"https://ravi.app/device","verification_uri_complete":"https://ravi.app/device?code=WDJB-MJHT","expires_in":900,"interval":7}""";

    public static DeviceAuthorization Device =>
        new()
        {
            DeviceCode = "dev-code-1",
            UserCode = "WDJB-MJHT",
            VerificationUri = new("https://ravi.app/device"),
            VerificationUriComplete = new("https://ravi.app/device?code=WDJB-MJHT"),
            ExpiresIn = TimeSpan.FromSeconds(900),
            Interval = TimeSpan.FromSeconds(7),
        };

    // ---- email ------------------------------------------------------------------------------------------------------
    public static string ThreadJson(string id = "thread-abc123", int unread = 1) =>
        $$"""{"thread_id":"{{id}}","subject":"Your code","preview":"Your code is 847291","from_email":"noreply@service.example","inbox":"my-agent@in.ravi.app","message_count":3,"unread_count":{{unread}},"latest_message_dt":"{{UpdatedJson}}","oldest_message_dt":"{{CreatedJson}}"}""";

    public static EmailThread Thread(string id = "thread-abc123", int unread = 1) =>
        new()
        {
            ThreadId = id,
            Subject = "Your code",
            Preview = "Your code is 847291",
            FromEmail = "noreply@service.example",
            Inbox = "my-agent@in.ravi.app",
            MessageCount = 3,
            UnreadCount = unread,
            LatestMessageAt = Updated,
            OldestMessageAt = Created,
        };

    public const string AttachmentJson =
        $$"""{"uuid":"{{AttachmentUuid}}","filename":"invoice.pdf","content_type":"application/pdf","size":52341,"is_inline":true,"download_url":"https://storage.test/dl/invoice.pdf?sig=1"}""";

    public static EmailAttachment Attachment =>
        new()
        {
            Uuid = AttachmentUuid,
            FileName = "invoice.pdf",
            ContentType = "application/pdf",
            Size = 52341,
            IsInline = true,
            DownloadUrl = new("https://storage.test/dl/invoice.pdf?sig=1"),
        };

    public static string EmailMessageJson(long id = 42, bool withAttachment = true) =>
        $$"""{"id":{{id}},"url":"https://ravi.test/api/email-messages/{{id}}/","message_id":"<m{{id}}@mail.example>","thread_id":"thread-abc123","from_email":"noreply@service.example","to_email":"my-agent@in.ravi.app","cc":"boss@corp.example","subject":"Message {{id}}","text_content":"Your code is 847291","html_content":"<p>Your code is <b>847291</b> &amp; more</p>","direction":"inbound","is_read":true,"attachments":[{{(withAttachment ? AttachmentJson : "")}}],"created_dt":"{{CreatedJson}}","spam_score":0.1}""";

    public static EmailMessage EmailMessage(long id = 42, bool withAttachment = true) =>
        new()
        {
            Id = id,
            Url = new($"https://ravi.test/api/email-messages/{id.ToString(CultureInfo.InvariantCulture)}/"),
            MessageId = $"<m{id.ToString(CultureInfo.InvariantCulture)}@mail.example>",
            ThreadId = "thread-abc123",
            FromEmail = "noreply@service.example",
            ToEmail = "my-agent@in.ravi.app",
            Cc = "boss@corp.example",
            Subject = $"Message {id.ToString(CultureInfo.InvariantCulture)}",
            TextContent = "Your code is 847291",
            HtmlContent = "<p>Your code is <b>847291</b> &amp; more</p>",
            Direction = MessageDirection.Inbound,
            IsRead = true,
            Attachments = withAttachment ? [Attachment] : [],
            CreatedAt = Created,
        };

    public static string ThreadDetailJson =>
        $$"""{"thread_id":"thread-abc123","subject":"Your code","message_count":2,"messages":[{{EmailMessageJson(41, false)}},{{EmailMessageJson(42)}}]}""";

    public static EmailThreadDetail ThreadDetail =>
        new() { ThreadId = "thread-abc123", Subject = "Your code", MessageCount = 2, Messages = [EmailMessage(41, false), EmailMessage(42)] };

    // ---- attachments ------------------------------------------------------------------------------------------------
    public const string UploadUrl = "https://storage.test/bucket/att/7e6d?X-Amz-Signature=abc%2Bdef&X-Amz-Expires=900";

    public const string PresignJson = $$"""{"uuid":"{{AttachmentUuid}}","upload_url":"{{UploadUrl}}","storage_key":"att/7e6d"}""";

    public static PresignedUpload Presigned => new() { Uuid = AttachmentUuid, UploadUrl = new(UploadUrl), StorageKey = "att/7e6d" };

    // ---- sms --------------------------------------------------------------------------------------------------------
    public static string ConversationJson(string id = "conv-xyz789", string messages = "") =>
        $$"""{"conversation_id":"{{id}}","from_number":"+15559876543","phone":"ph_12","phone_number":"+15551234567","preview":"Your verification code is 847291","message_count":2,"unread_count":1,"latest_message_dt":"{{UpdatedJson}}"{{messages}}}""";

    public static SmsConversation Conversation(string id = "conv-xyz789", IEnumerable<SmsConversationMessage>? messages = null) =>
        new()
        {
            ConversationId = id,
            FromNumber = "+15559876543",
            PhoneId = "ph_12",
            PhoneNumber = "+15551234567",
            Preview = "Your verification code is 847291",
            MessageCount = 2,
            UnreadCount = 1,
            LatestMessageAt = Updated,
            Messages = messages?.ToList() ?? [],
        };

    public static string ConversationDetailJson =>
        ConversationJson(messages: $$""","messages":[{"id":1,"body":"Hi","direction":"outbound","is_read":true,"created_dt":"{{CreatedJson}}"},{"id":2,"body":"Your verification code is 847291","direction":"inbound","is_read":false,"created_dt":"{{UpdatedJson}}"}]""");

    public static SmsConversation ConversationDetail => Conversation(messages:
    [
        new() { Id = 1, Body = "Hi", Direction = MessageDirection.Outbound, IsRead = true, CreatedAt = Created },
        new() { Id = 2, Body = "Your verification code is 847291", Direction = MessageDirection.Inbound, IsRead = false, CreatedAt = Updated },
    ]);

    public static string SmsMessageJson(long id = 7) =>
        $$"""{"id":{{id}},"url":"https://ravi.test/api/messages/{{id}}/","from_number":"+15559876543","to_number":"+15551234567","body":"Code 847291","message_sid":"SM{{id}}","phone":"ph_12","direction":"inbound","is_read":false,"created_dt":"{{UpdatedJson}}"}""";

    public static SmsMessage SmsMessage(long id = 7) =>
        new()
        {
            Id = id,
            Url = new($"https://ravi.test/api/messages/{id.ToString(CultureInfo.InvariantCulture)}/"),
            FromNumber = "+15559876543",
            ToNumber = "+15551234567",
            Body = "Code 847291",
            MessageSid = "SM" + id.ToString(CultureInfo.InvariantCulture),
            PhoneId = "ph_12",
            Direction = MessageDirection.Inbound,
            IsRead = false,
            CreatedAt = Updated,
        };

    // ---- passwords / vault ------------------------------------------------------------------------------------------
    public const string Cipher = "e2e::q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    public static string PasswordJson(string uuid = EntryUuid, string? username = "\"me@example.com\"", string? password = "\"hunter2\"", string? notes = "\"work account\"") =>
        $$"""{"uuid":"{{uuid}}","identity":"{{WireHarness.IdentityUuid}}","domain":"example.com","username":{{username ?? "null"}},"password":{{password ?? "null"}},"notes":{{notes ?? "null"}},"created_dt":"{{CreatedJson}}","updated_dt":"{{UpdatedJson}}"}""";

    public static PasswordEntry Password(string uuid = EntryUuid, string? username = "me@example.com", string? password = "hunter2", string? notes = "work account", EncryptedFields encrypted = EncryptedFields.None) =>
        new()
        {
            Uuid = uuid,
            IdentityUuid = WireHarness.IdentityUuid,
            Domain = "example.com",
            Username = username,
            Password = password,
            Notes = notes,
            EncryptedFields = encrypted,
            CreatedAt = Created,
            UpdatedAt = Updated,
        };

    public static string SecretJson(string uuid = SecretUuid, string key = "OPENAI_API_KEY", string? value = "\"sk-plain\"", string? notes = "\"prod\"") =>
        $$"""{"uuid":"{{uuid}}","identity":"{{WireHarness.IdentityUuid}}","key":"{{key}}","value":{{value ?? "null"}},"notes":{{notes ?? "null"}},"created_dt":"{{CreatedJson}}","updated_dt":"{{UpdatedJson}}"}""";

    public static VaultSecret Secret(string uuid = SecretUuid, string key = "OPENAI_API_KEY", string? value = "sk-plain", string? notes = "prod", EncryptedFields encrypted = EncryptedFields.None) =>
        new()
        {
            Uuid = uuid,
            IdentityUuid = WireHarness.IdentityUuid,
            Key = key,
            Value = value,
            Notes = notes,
            EncryptedFields = encrypted,
            CreatedAt = Created,
            UpdatedAt = Updated,
        };

    // ---- encryption / phone / subscription --------------------------------------------------------------------------
    public const string EncryptionJson = """{"id":3,"salt":"AAAAAAAAAAAAAAAAAAAAAA==","verifier":"dmVyaWZpZXI=","public_key":"r1feBlhwAtS4e36U3AJLFQKjFYzWsXITkKpH1kffcHo="}""";

    public static EncryptionMetadata Encryption =>
        new() { Id = 3, Salt = "AAAAAAAAAAAAAAAAAAAAAA==", Verifier = "dmVyaWZpZXI=", PublicKey = "r1feBlhwAtS4e36U3AJLFQKjFYzWsXITkKpH1kffcHo=" };

    public const string PhoneJson = $$"""{"id":12,"phone_number":"+15551234567","provider":"twilio","created_dt":"{{CreatedJson}}"}""";

    public static Phone Phone => new() { Id = 12, PhoneNumber = "+15551234567", Provider = "twilio", CreatedAt = Created };
}

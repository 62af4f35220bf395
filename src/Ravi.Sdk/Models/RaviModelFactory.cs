using System.Text.Json;

namespace Ravi.Sdk.Models;

/// <summary>
/// Builds Ravi model instances for your own unit tests (for example as the return values of a mocked sub-client),
/// in the style of the Azure SDKs' model factories. Every parameter is optional; unset values are the model's defaults
/// (<see langword="null"/>, zero, empty collections, and <see cref="string.Empty"/> for required strings).
/// </summary>
/// <example>
/// <code>
/// var identity = RaviModelFactory.Identity(uuid: "5a0e…", name: "my-agent", inbox: "my-agent@in.ravi.app");
/// </code>
/// </example>
public static class RaviModelFactory
{
    /// <summary>Creates an <see cref="Models.Identity"/>.</summary>
    /// <param name="uuid">The identity's UUID.</param>
    /// <param name="name">The identity's name.</param>
    /// <param name="inbox">The identity's email address.</param>
    /// <param name="phone">The identity's phone number (E.164).</param>
    /// <param name="createdDt">When the identity was created.</param>
    /// <param name="updatedDt">When the identity was last updated.</param>
    /// <returns>The identity.</returns>
    public static Identity Identity(
        string? uuid = null,
        string? name = null,
        string? inbox = null,
        string? phone = null,
        DateTimeOffset? createdDt = null,
        DateTimeOffset? updatedDt = null) => new()
        {
            Uuid = uuid ?? string.Empty,
            Name = name ?? string.Empty,
            Inbox = inbox,
            Phone = phone,
            CreatedDt = createdDt,
            UpdatedDt = updatedDt,
        };

    /// <summary>Creates an <see cref="Models.EmailThread"/> (inbox list view).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="preview">A preview of the latest message.</param>
    /// <param name="fromEmail">The sender of the latest inbound message.</param>
    /// <param name="inbox">The inbox address the thread belongs to.</param>
    /// <param name="messageCount">How many messages the thread holds.</param>
    /// <param name="unreadCount">How many of them are unread.</param>
    /// <param name="latestMessageDt">When the newest message arrived.</param>
    /// <param name="oldestMessageDt">When the oldest message arrived.</param>
    /// <returns>The thread.</returns>
    public static EmailThread EmailThread(
        string? threadId = null,
        string? subject = null,
        string? preview = null,
        string? fromEmail = null,
        string? inbox = null,
        int messageCount = 0,
        int unreadCount = 0,
        DateTimeOffset? latestMessageDt = null,
        DateTimeOffset? oldestMessageDt = null) => new()
        {
            ThreadId = threadId ?? string.Empty,
            Subject = subject,
            Preview = preview,
            FromEmail = fromEmail,
            Inbox = inbox,
            MessageCount = messageCount,
            UnreadCount = unreadCount,
            LatestMessageDt = latestMessageDt,
            OldestMessageDt = oldestMessageDt,
        };

    /// <summary>Creates an <see cref="Models.EmailThreadDetail"/> (a thread with its messages).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="messageCount">How many messages the thread holds.</param>
    /// <param name="messages">The messages, oldest first; <see langword="null"/> for none.</param>
    /// <returns>The thread detail.</returns>
    public static EmailThreadDetail EmailThreadDetail(
        string? threadId = null,
        string? subject = null,
        int messageCount = 0,
        IEnumerable<EmailMessage>? messages = null) => new()
        {
            ThreadId = threadId ?? string.Empty,
            Subject = subject,
            MessageCount = messageCount,
            Messages = messages?.ToList() ?? [],
        };

    /// <summary>Creates an <see cref="Models.EmailMessage"/>.</summary>
    /// <param name="id">The message id.</param>
    /// <param name="url">The API URL of the message.</param>
    /// <param name="messageId">The RFC 5322 <c>Message-ID</c>.</param>
    /// <param name="threadId">The thread the message belongs to.</param>
    /// <param name="fromEmail">The sender address.</param>
    /// <param name="toEmail">The recipient address(es).</param>
    /// <param name="cc">Carbon-copy recipients.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="textContent">The plain-text body.</param>
    /// <param name="htmlContent">The HTML body.</param>
    /// <param name="direction"><c>inbound</c> or <c>outbound</c>.</param>
    /// <param name="isRead">Whether the message has been read.</param>
    /// <param name="attachments">The attachments; <see langword="null"/> for none.</param>
    /// <param name="createdDt">When the message was received or sent.</param>
    /// <returns>The message.</returns>
    public static EmailMessage EmailMessage(
        long id = 0,
        string? url = null,
        string? messageId = null,
        string? threadId = null,
        string? fromEmail = null,
        string? toEmail = null,
        string? cc = null,
        string? subject = null,
        string? textContent = null,
        string? htmlContent = null,
        string? direction = null,
        bool isRead = false,
        IEnumerable<EmailAttachment>? attachments = null,
        DateTimeOffset? createdDt = null) => new()
        {
            Id = id,
            Url = url,
            MessageId = messageId,
            ThreadId = threadId,
            FromEmail = fromEmail,
            ToEmail = toEmail,
            Cc = cc,
            Subject = subject,
            TextContent = textContent,
            HtmlContent = htmlContent,
            Direction = direction,
            IsRead = isRead,
            Attachments = attachments?.ToList() ?? [],
            CreatedDt = createdDt,
        };

    /// <summary>Creates an <see cref="Models.EmailAttachment"/>.</summary>
    /// <param name="uuid">The attachment's UUID.</param>
    /// <param name="filename">The file name.</param>
    /// <param name="contentType">The MIME type.</param>
    /// <param name="size">The size in bytes.</param>
    /// <param name="isInline">Whether the attachment is inline.</param>
    /// <param name="downloadUrl">A URL to download the content.</param>
    /// <returns>The attachment.</returns>
    public static EmailAttachment EmailAttachment(
        string? uuid = null,
        string? filename = null,
        string? contentType = null,
        long size = 0,
        bool isInline = false,
        string? downloadUrl = null) => new()
        {
            Uuid = uuid,
            Filename = filename,
            ContentType = contentType,
            Size = size,
            IsInline = isInline,
            DownloadUrl = downloadUrl,
        };

    /// <summary>Creates an <see cref="Models.SmsConversation"/> (list view, or detail view when <paramref name="messages"/> is given).</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="fromNumber">The remote number.</param>
    /// <param name="phone">The identity's phone, as the server reports it.</param>
    /// <param name="phoneNumber">The identity's phone number.</param>
    /// <param name="preview">A preview of the latest message.</param>
    /// <param name="messageCount">How many messages the conversation holds.</param>
    /// <param name="unreadCount">How many are unread.</param>
    /// <param name="latestMessageDt">When the newest message arrived.</param>
    /// <param name="messages">The messages (detail view); <see langword="null"/> for none.</param>
    /// <returns>The conversation.</returns>
    public static SmsConversation SmsConversation(
        string? conversationId = null,
        string? fromNumber = null,
        string? phone = null,
        string? phoneNumber = null,
        string? preview = null,
        int messageCount = 0,
        int unreadCount = 0,
        DateTimeOffset? latestMessageDt = null,
        IEnumerable<SmsConversationMessage>? messages = null) => new()
        {
            ConversationId = conversationId ?? string.Empty,
            FromNumber = fromNumber,
            Phone = phone,
            PhoneNumber = phoneNumber,
            Preview = preview,
            MessageCount = messageCount,
            UnreadCount = unreadCount,
            LatestMessageDt = latestMessageDt,
            Messages = messages?.ToList() ?? [],
        };

    /// <summary>Creates an <see cref="Models.SmsConversationMessage"/> (a message inside a conversation detail).</summary>
    /// <param name="id">The message id.</param>
    /// <param name="body">The text.</param>
    /// <param name="direction"><c>inbound</c> or <c>outbound</c>.</param>
    /// <param name="isRead">Whether it has been read.</param>
    /// <param name="createdDt">When it was received or sent.</param>
    /// <returns>The message.</returns>
    public static SmsConversationMessage SmsConversationMessage(
        long id = 0,
        string? body = null,
        string? direction = null,
        bool isRead = false,
        DateTimeOffset? createdDt = null) => new()
        {
            Id = id,
            Body = body,
            Direction = direction,
            IsRead = isRead,
            CreatedDt = createdDt,
        };

    /// <summary>Creates an <see cref="Models.SmsMessage"/>.</summary>
    /// <param name="id">The message id.</param>
    /// <param name="url">The API URL of the message.</param>
    /// <param name="fromNumber">The sender.</param>
    /// <param name="toNumber">The recipient.</param>
    /// <param name="body">The text.</param>
    /// <param name="messageSid">The carrier's message id.</param>
    /// <param name="phone">The identity's phone, as the server reports it.</param>
    /// <param name="direction"><c>inbound</c> or <c>outbound</c>.</param>
    /// <param name="isRead">Whether it has been read.</param>
    /// <param name="createdDt">When it was received or sent.</param>
    /// <returns>The message.</returns>
    public static SmsMessage SmsMessage(
        long id = 0,
        string? url = null,
        string? fromNumber = null,
        string? toNumber = null,
        string? body = null,
        string? messageSid = null,
        string? phone = null,
        string? direction = null,
        bool isRead = false,
        DateTimeOffset? createdDt = null) => new()
        {
            Id = id,
            Url = url,
            FromNumber = fromNumber,
            ToNumber = toNumber,
            Body = body,
            MessageSid = messageSid,
            Phone = phone,
            Direction = direction,
            IsRead = isRead,
            CreatedDt = createdDt,
        };

    /// <summary>Creates a <see cref="Models.Phone"/>.</summary>
    /// <param name="id">The phone record id.</param>
    /// <param name="phoneNumber">The number in E.164 form.</param>
    /// <param name="provider">The telephony provider.</param>
    /// <param name="createdDt">When it was assigned.</param>
    /// <returns>The phone.</returns>
    public static Phone Phone(
        long id = 0,
        string? phoneNumber = null,
        string? provider = null,
        DateTimeOffset? createdDt = null) => new()
        {
            Id = id,
            PhoneNumber = phoneNumber,
            Provider = provider,
            CreatedDt = createdDt,
        };

    /// <summary>Creates a <see cref="Models.PasswordEntry"/> as the SDK returns it (secret fields already decrypted, or null and flagged).</summary>
    /// <param name="uuid">The entry's UUID.</param>
    /// <param name="identity">The identity that owns it.</param>
    /// <param name="domain">The website domain.</param>
    /// <param name="username">The username.</param>
    /// <param name="password">The password.</param>
    /// <param name="notes">Notes.</param>
    /// <param name="encryptedFields">Which fields are still encrypted (client locked).</param>
    /// <param name="createdDt">When the entry was created.</param>
    /// <param name="updatedDt">When the entry was last updated.</param>
    /// <returns>The entry.</returns>
    public static PasswordEntry PasswordEntry(
        string? uuid = null,
        string? identity = null,
        string? domain = null,
        string? username = null,
        string? password = null,
        string? notes = null,
        RaviEncryptedFields encryptedFields = RaviEncryptedFields.None,
        DateTimeOffset? createdDt = null,
        DateTimeOffset? updatedDt = null) => new()
        {
            Uuid = uuid ?? string.Empty,
            Identity = identity,
            Domain = domain,
            Username = username,
            Password = password,
            Notes = notes,
            EncryptedFields = encryptedFields,
            CreatedDt = createdDt,
            UpdatedDt = updatedDt,
        };

    /// <summary>Creates a <see cref="Models.VaultSecret"/> as the SDK returns it (value decrypted, or null and flagged).</summary>
    /// <param name="uuid">The secret's UUID.</param>
    /// <param name="identity">The identity that owns it.</param>
    /// <param name="key">The secret's key (name).</param>
    /// <param name="value">The value.</param>
    /// <param name="notes">Notes.</param>
    /// <param name="encryptedFields">Which fields are still encrypted (client locked).</param>
    /// <param name="createdDt">When the secret was created.</param>
    /// <param name="updatedDt">When it was last updated.</param>
    /// <returns>The secret.</returns>
    public static VaultSecret VaultSecret(
        string? uuid = null,
        string? identity = null,
        string? key = null,
        string? value = null,
        string? notes = null,
        RaviEncryptedFields encryptedFields = RaviEncryptedFields.None,
        DateTimeOffset? createdDt = null,
        DateTimeOffset? updatedDt = null) => new()
        {
            Uuid = uuid ?? string.Empty,
            Identity = identity,
            Key = key ?? string.Empty,
            Value = value,
            Notes = notes,
            EncryptedFields = encryptedFields,
            CreatedDt = createdDt,
            UpdatedDt = updatedDt,
        };

    /// <summary>Creates an <see cref="Models.EncryptionMetadata"/>.</summary>
    /// <param name="id">The metadata record id.</param>
    /// <param name="salt">The Argon2id salt (standard base64).</param>
    /// <param name="verifier">The sealed verifier (standard base64).</param>
    /// <param name="publicKey">The X25519 public key (standard base64).</param>
    /// <returns>The metadata.</returns>
    public static EncryptionMetadata EncryptionMetadata(
        long? id = null,
        string? salt = null,
        string? verifier = null,
        string? publicKey = null) => new()
        {
            Id = id,
            Salt = salt,
            Verifier = verifier,
            PublicKey = publicKey,
        };

    /// <summary>Creates a <see cref="Models.Subscription"/>.</summary>
    /// <param name="status">The status, e.g. <c>active</c>.</param>
    /// <param name="plan">The plan name.</param>
    /// <param name="isActive">Whether the subscription allows paid actions.</param>
    /// <param name="currentPeriodEnd">When the current period ends.</param>
    /// <param name="additionalProperties">Fields the SDK does not model, as raw JSON; <see langword="null"/> for none.</param>
    /// <returns>The subscription.</returns>
    public static Subscription Subscription(
        string? status = null,
        string? plan = null,
        bool isActive = false,
        DateTimeOffset? currentPeriodEnd = null,
        IDictionary<string, JsonElement>? additionalProperties = null) => new()
        {
            Status = status,
            Plan = plan,
            IsActive = isActive,
            CurrentPeriodEnd = currentPeriodEnd,
            AdditionalProperties = additionalProperties is null ? null : new Dictionary<string, JsonElement>(additionalProperties, StringComparer.Ordinal),
        };

    /// <summary>Creates a <see cref="Models.RaviUser"/>.</summary>
    /// <param name="id">The user id.</param>
    /// <param name="email">The user's email.</param>
    /// <param name="firstName">The user's first name.</param>
    /// <param name="lastName">The user's last name.</param>
    /// <returns>The user.</returns>
    public static RaviUser RaviUser(
        long id = 0,
        string? email = null,
        string? firstName = null,
        string? lastName = null) => new()
        {
            Id = id,
            Email = email,
            FirstName = firstName,
            LastName = lastName,
        };

    /// <summary>Creates a <see cref="Models.DeviceAuthorization"/> (the answer to a device-code request).</summary>
    /// <param name="deviceCode">The device code to poll with.</param>
    /// <param name="userCode">The code the user types.</param>
    /// <param name="verificationUri">Where the user approves the login.</param>
    /// <param name="verificationUriComplete">The verification URI with the code filled in.</param>
    /// <param name="expiresIn">Seconds until the device code expires.</param>
    /// <param name="interval">The minimum polling interval in seconds.</param>
    /// <returns>The device authorization.</returns>
    public static DeviceAuthorization DeviceAuthorization(
        string? deviceCode = null,
        string? userCode = null,
        string? verificationUri = null,
        string? verificationUriComplete = null,
        int expiresIn = 0,
        int interval = 5) => new()
        {
            DeviceCode = deviceCode ?? string.Empty,
            UserCode = userCode ?? string.Empty,
            VerificationUri = verificationUri ?? string.Empty,
            VerificationUriComplete = verificationUriComplete,
            ExpiresIn = expiresIn,
            Interval = interval,
        };

    /// <summary>Creates a <see cref="Models.PresignedUpload"/> (an attachment upload slot).</summary>
    /// <param name="uuid">The attachment UUID.</param>
    /// <param name="uploadUrl">Where to PUT the bytes.</param>
    /// <param name="storageKey">The storage key of the object.</param>
    /// <returns>The upload slot.</returns>
    public static PresignedUpload PresignedUpload(
        string? uuid = null,
        string? uploadUrl = null,
        string? storageKey = null) => new()
        {
            Uuid = uuid ?? string.Empty,
            UploadUrl = uploadUrl ?? string.Empty,
            StorageKey = storageKey,
        };

    /// <summary>Creates a <see cref="Models.RaviTokens"/> pair.</summary>
    /// <param name="accessToken">The access token or API key.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="user">The user the tokens belong to.</param>
    /// <param name="saveFailure">Why a login's tokens were not saved, if they were not.</param>
    /// <returns>The tokens.</returns>
    public static RaviTokens RaviTokens(
        string? accessToken = null,
        string? refreshToken = null,
        RaviUser? user = null,
        RaviTokenStoreException? saveFailure = null) => new()
        {
            AccessToken = accessToken ?? string.Empty,
            RefreshToken = refreshToken,
            User = user,
            SaveFailure = saveFailure,
        };
}

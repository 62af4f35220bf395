using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// The server's in-memory state and the operations shared by endpoints and test hooks. Every record is read and
/// written under <see cref="Sync"/>; the request and error logs have their own locks.
/// </summary>
internal sealed partial class ServerState
{
    private const int PreviewLength = 100;

    private readonly Dictionary<long, UserRecord> _users = [];
    private readonly Dictionary<string, UserRecord> _usersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IdentityRecord> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<long, EmailMessageRecord> _emails = [];
    private readonly Dictionary<long, SmsMessageRecord> _sms = [];
    private readonly Dictionary<string, AttachmentRecord> _attachments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceCodeRecord> _deviceCodes = new(StringComparer.Ordinal);
    private readonly List<RaviSentEmail> _sent = [];
    private readonly List<RaviUploadedAttachment> _uploads = [];
    private readonly List<RaviRecordedRequest> _requests = [];
    private readonly Lock _requestsGate = new();
    private readonly List<Exception> _errors = [];
    private long _nextUserId;
    private long _nextEmailId;
    private long _nextSmsId;
    private long _nextPhoneId;
    private long _nextIdentityId;
    private long _nextInboxId;
    private long _nextEncryptionId;
    private long _requestSequence;
    private int _refreshCalls;
    private int _streamConnections;
    private int _activeStreams;

    public ServerState(RaviTestServerOptions options, CancellationToken stopping)
    {
        Options = options;
        Time = options.TimeProvider;
        Stopping = stopping;
    }

    public Lock Sync { get; } = new();
    public RaviTestServerOptions Options { get; }

    /// <summary>Whether the server speaks the CLI dialect (<see cref="RaviTestServerDialect.Cli"/>).</summary>
    public bool Cli => Options.Dialect == RaviTestServerDialect.Cli;
    public TimeProvider Time { get; }
    public CancellationToken Stopping { get; }
    public TokenService Tokens { get; } = new();
    public FaultRegistry Faults { get; } = new();

    /// <summary>The key presigned storage URLs are signed with.</summary>
    public byte[] StorageKey { get; } = RandomNumberGenerator.GetBytes(32);

    public DateTimeOffset Now => Time.GetUtcNow();

    public int RefreshCalls => Volatile.Read(ref _refreshCalls);
    public int StreamConnections => Volatile.Read(ref _streamConnections);
    public int ActiveStreams => Volatile.Read(ref _activeStreams);

    public void CountRefreshCall() => Interlocked.Increment(ref _refreshCalls);

    public void StreamOpened()
    {
        Interlocked.Increment(ref _streamConnections);
        Interlocked.Increment(ref _activeStreams);
    }

    public void StreamClosed() => Interlocked.Decrement(ref _activeStreams);

    // ---------------------------------------------------------------- observations

    public RaviRecordedRequest RecordRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers)
    {
        lock (_requestsGate)
        {
            var request = new RaviRecordedRequest(++_requestSequence, Now, method, path, query, headers);
            _requests.Add(request);
            return request;
        }
    }

    public IReadOnlyList<RaviRecordedRequest> SnapshotRequests()
    {
        lock (_requestsGate)
        {
            return [.. _requests];
        }
    }

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    public void RecordError(Exception error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public IReadOnlyList<Exception> SnapshotErrors()
    {
        lock (_errors)
        {
            return [.. _errors];
        }
    }

    public IReadOnlyList<RaviSentEmail> SnapshotSent()
    {
        lock (Sync)
        {
            return [.. _sent];
        }
    }

    public IReadOnlyList<RaviUploadedAttachment> SnapshotUploads()
    {
        lock (Sync)
        {
            return [.. _uploads];
        }
    }

    // ---------------------------------------------------------------- users and tokens (callers hold Sync)

    public UserRecord CreateUser(string email, string password, string firstName, string lastName)
    {
        if (_usersByEmail.ContainsKey(email))
        {
            throw new InvalidOperationException($"A user with email '{email}' already exists.");
        }

        var user = new UserRecord(++_nextUserId, email, password, firstName, lastName);
        _users.Add(user.Id, user);
        _usersByEmail.Add(email, user);
        return user;
    }

    public UserRecord? FindUser(long id) => _users.GetValueOrDefault(id);

    public UserRecord? FindUser(string email) => _usersByEmail.GetValueOrDefault(email);

    public RaviTestTokens IssueTokens(UserRecord user)
    {
        var now = Now;
        return new RaviTestTokens
        {
            AccessToken = Tokens.IssueAccess(user.Id, now, Options.AccessTokenLifetime),
            RefreshToken = Tokens.IssueRefresh(user.Id, now, Options.RefreshTokenLifetime),
        };
    }

    public EncryptionRecord NewEncryption(string salt, string verifier, string publicKey) => new(++_nextEncryptionId, salt, verifier, publicKey);

    // ---------------------------------------------------------------- device flow (callers hold Sync)

    public DeviceCodeRecord CreateDeviceCode()
    {
        var record = new DeviceCodeRecord
        {
            DeviceCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            UserCode = NewUserCode(),
            ExpiresAt = Now + Options.DeviceCodeLifetime,
            Interval = TimeSpan.FromSeconds(Math.Ceiling(Options.DevicePollInterval.TotalSeconds)),
        };
        _deviceCodes.Add(record.DeviceCode, record);
        return record;
    }

    public DeviceCodeRecord? FindDeviceCode(string deviceCode) => _deviceCodes.GetValueOrDefault(deviceCode);

    public DeviceCodeRecord? FindByUserCode(string userCode)
    {
        var normalized = NormalizeUserCode(userCode);
        return _deviceCodes.Values.FirstOrDefault(d => NormalizeUserCode(d.UserCode) == normalized);
    }

    public IReadOnlyList<string> PendingUserCodes() =>
        [.. _deviceCodes.Values.Where(d => !d.Consumed && !d.Denied && d.ApprovedUserId is null && Now < d.ExpiresAt).Select(d => d.UserCode)];

    public void ExpireDeviceCodes()
    {
        var now = Now;
        foreach (var record in _deviceCodes.Values)
        {
            record.ExpiresAt = now;
        }
    }

    private static string NormalizeUserCode(string code) => code.Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    private static string NewUserCode()
    {
        const string alphabet = "BCDFGHJKLMNPQRSTVWXZ";
        Span<char> chars = stackalloc char[9];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    // ---------------------------------------------------------------- identities (callers hold Sync)

    public IEnumerable<IdentityRecord> IdentitiesOf(long userId) =>
        _identities.Values.Where(i => i.UserId == userId).OrderBy(i => i.CreatedAt).ThenBy(i => i.PhoneId);

    public IdentityRecord? FindIdentity(string uuid) => _identities.GetValueOrDefault(uuid);

    /// <summary>Every identity (callers hold <see cref="Sync"/>).</summary>
    public IEnumerable<IdentityRecord> AllIdentities() => _identities.Values;

    public IdentityRecord RequireIdentity(string identityUuid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identityUuid);
        return FindIdentity(NormalizeUuid(identityUuid) ?? identityUuid)
            ?? throw new ArgumentException($"No identity '{identityUuid}' exists on this server.", nameof(identityUuid));
    }

    /// <summary>Whether a name (or the inbox it implies) is taken by an identity other than <paramref name="except"/>.</summary>
    public bool IsNameTaken(string name, IdentityRecord? except = null)
    {
        var inbox = InboxFor(name);
        return _identities.Values.Any(i => !ReferenceEquals(i, except)
            && (string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Inbox, inbox, StringComparison.OrdinalIgnoreCase)));
    }

    public IdentityRecord CreateIdentity(UserRecord user, string name)
    {
        var phoneId = ++_nextPhoneId;
        var phone = "+1555" + (1_000_000 + phoneId).ToString(CultureInfo.InvariantCulture);
        var identity = new IdentityRecord(Guid.NewGuid().ToString("D"), ++_nextIdentityId, 100 + ++_nextInboxId, user.Id, name, InboxFor(name), phone, phoneId, Now);
        _identities.Add(identity.Uuid, identity);
        return identity;
    }

    public void DeleteIdentity(IdentityRecord identity)
    {
        identity.Deleted = true;
        _identities.Remove(identity.Uuid);
        foreach (var email in identity.Emails)
        {
            _emails.Remove(email.Id);
        }

        foreach (var sms in identity.Sms)
        {
            _sms.Remove(sms.Id);
        }

        SignalEvents(identity);
    }

    public static string? NormalizeUuid(string? value) =>
        value is not null && Guid.TryParseExact(value.Trim(), "D", out var guid) ? guid.ToString("D") : null;

    private string InboxFor(string name) => name.ToLowerInvariant() + "@" + Options.MailDomain;

    // ---------------------------------------------------------------- events (callers hold Sync)

    public static long AppendEvent(IdentityRecord identity, string type, string data)
    {
        var id = identity.Events.Count + 1L;
        identity.Events.Add(new StoredEvent(id, type, data));
        SignalEvents(identity);
        return id;
    }

    /// <summary>Appends <paramref name="count"/> synthetic <c>sms</c> events and wakes streams once.</summary>
    public static long AppendBulkEvents(IdentityRecord identity, int count)
    {
        identity.Events.EnsureCapacity(identity.Events.Count + count);
        for (var i = 0; i < count; i++)
        {
            var id = identity.Events.Count + 1L;
            var data = "{\"conversation_id\":\"conv-bulk\",\"from_number\":\"+15550000000\",\"preview\":\"bulk event "
                + id.ToString(CultureInfo.InvariantCulture) + "\"}";
            identity.Events.Add(new StoredEvent(id, "sms", data));
        }

        SignalEvents(identity);
        return identity.LastEventId;
    }

    /// <summary>Wakes the identity's open streams (callers hold <see cref="Sync"/>).</summary>
    public static void WakeStreams(IdentityRecord identity) => SignalEvents(identity);

    private static void SignalEvents(IdentityRecord identity)
    {
        var changed = identity.EventsChanged;
        identity.EventsChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    // ---------------------------------------------------------------- email (callers hold Sync)

    public EmailMessageRecord? FindEmail(IdentityRecord identity, long id) =>
        _emails.TryGetValue(id, out var message) && message.IdentityUuid == identity.Uuid ? message : null;

    public EmailMessageRecord AddEmail(IdentityRecord identity, bool inbound, string? threadId, string from, string to, string cc, string bcc,
        string subject, string text, string? html, IReadOnlyList<AttachmentRecord> attachments)
    {
        threadId ??= "thread-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var message = new EmailMessageRecord
        {
            Id = ++_nextEmailId,
            IdentityUuid = identity.Uuid,
            MessageId = "<" + Guid.NewGuid().ToString("N") + "@" + Options.MailDomain + ">",
            ThreadId = threadId,
            From = from,
            To = to,
            Cc = cc,
            Bcc = bcc,
            Subject = subject,
            Text = text,
            Html = html,
            Inbound = inbound,
            IsRead = !inbound,
            Attachments = attachments,
            CreatedAt = Now,
        };
        _emails.Add(message.Id, message);
        identity.Emails.Add(message);
        if (!identity.Threads.TryGetValue(threadId, out var thread))
        {
            identity.Threads[threadId] = thread = [];
        }

        thread.Add(message);
        return message;
    }

    public RaviInjectedEmail InjectEmail(IdentityRecord identity, string from, string subject, string text, string? html, string? threadId)
    {
        if (threadId is not null && !identity.Threads.ContainsKey(threadId))
        {
            throw new ArgumentException($"Identity '{identity.Uuid}' has no thread '{threadId}'.", nameof(threadId));
        }

        var message = AddEmail(identity, inbound: true, threadId, from, identity.Inbox, "", "", subject, text, html, []);
        var data = new JsonObject
        {
            ["thread_id"] = message.ThreadId,
            ["from_email"] = from,
            ["subject"] = subject,
            ["preview"] = Preview(text.Length > 0 ? text : HtmlToText(html ?? "")),
        };
        var eventId = AppendEvent(identity, "email", Wire.ToJson(data));
        return new RaviInjectedEmail { MessageId = message.Id, ThreadId = message.ThreadId, EventId = eventId };
    }

    /// <summary>Returns the seconds to wait when a send now would exceed a limit, else <see langword="null"/>.</summary>
    public int? SendRetryAfter(IdentityRecord identity, out string detail)
    {
        var now = Now;
        identity.SendTimes.RemoveAll(t => now - t >= TimeSpan.FromDays(1));
        var retry = RetryAfter(identity.SendTimes, now, TimeSpan.FromHours(1), Options.EmailsPerHour);
        var daily = RetryAfter(identity.SendTimes, now, TimeSpan.FromDays(1), Options.EmailsPerDay);
        detail = daily is not null
            ? $"Email send limit reached ({Options.EmailsPerDay} per day)."
            : $"Email send limit reached ({Options.EmailsPerHour} per hour).";
        return retry is null ? daily : daily is null ? retry : Math.Max(retry.Value, daily.Value);
    }

    public void RecordSend(IdentityRecord identity, RaviSendKind kind, long? inReplyTo, EmailMessageRecord message, string body)
    {
        identity.SendTimes.Add(message.CreatedAt);
        _sent.Add(new RaviSentEmail
        {
            MessageId = message.Id,
            IdentityUuid = identity.Uuid,
            Kind = kind,
            InReplyTo = inReplyTo,
            ThreadId = message.ThreadId,
            From = message.From,
            To = message.To,
            Cc = message.Cc,
            Bcc = message.Bcc,
            Subject = message.Subject,
            Body = body,
            AttachmentUuids = [.. message.Attachments.Select(a => a.Uuid)],
            SentAt = message.CreatedAt,
        });
    }

    /// <summary>Sliding-window check: seconds until one of the <paramref name="limit"/> slots in the window frees up.</summary>
    public static int? RetryAfter(List<DateTimeOffset> times, DateTimeOffset now, TimeSpan window, int limit)
    {
        var inWindow = times.Where(t => now - t < window).OrderBy(t => t).ToList();
        if (inWindow.Count < limit)
        {
            return null;
        }

        var freesAt = limit == 0 ? now + window : inWindow[inWindow.Count - limit] + window;
        return Math.Max(1, (int)Math.Ceiling((freesAt - now).TotalSeconds));
    }

    // ---------------------------------------------------------------- attachments (callers hold Sync)

    public AttachmentRecord CreateAttachment(IdentityRecord identity, string filename, string contentType, long size)
    {
        var uuid = Guid.NewGuid().ToString("D");
        var expiresAt = Now + Options.PresignedUrlLifetime;
        var record = new AttachmentRecord
        {
            Uuid = uuid,
            IdentityUuid = identity.Uuid,
            Filename = filename,
            ContentType = contentType,
            Size = size,
            StorageKey = $"attachments/{identity.Uuid}/{uuid}/{filename}",
            ExpiresAt = expiresAt,
            UploadSignature = HexSignature(StorageKey, $"PUT\n{uuid}\n{expiresAt.ToUnixTimeSeconds()}"),
            DownloadSignature = HexSignature(StorageKey, $"GET\n{uuid}"),
        };
        _attachments.Add(uuid, record);
        return record;
    }

    public AttachmentRecord? FindAttachment(string uuid) => _attachments.GetValueOrDefault(uuid);

    public void RecordUpload(AttachmentRecord attachment, string contentType, byte[] content)
    {
        attachment.Content = content;
        _uploads.Add(new RaviUploadedAttachment
        {
            Uuid = attachment.Uuid,
            IdentityUuid = attachment.IdentityUuid,
            FileName = attachment.Filename,
            ContentType = contentType,
            Content = content,
            UploadedAt = Now,
        });
    }

    // ---------------------------------------------------------------- SMS (callers hold Sync)

    public SmsMessageRecord? FindSms(IdentityRecord identity, long id) =>
        _sms.TryGetValue(id, out var message) && message.IdentityUuid == identity.Uuid ? message : null;

    public RaviInjectedSms InjectSms(IdentityRecord identity, string from, string body)
    {
        if (!identity.ConversationByNumber.TryGetValue(from, out var conversationId))
        {
            conversationId = "conv-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            identity.ConversationByNumber.Add(from, conversationId);
        }

        var message = new SmsMessageRecord
        {
            Id = ++_nextSmsId,
            IdentityUuid = identity.Uuid,
            ConversationId = conversationId,
            From = from,
            To = identity.PhoneNumber,
            Body = body,
            MessageSid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Inbound = true,
            CreatedAt = Now,
        };
        _sms.Add(message.Id, message);
        identity.Sms.Add(message);
        var data = new JsonObject
        {
            ["conversation_id"] = conversationId,
            ["from_number"] = from,
            ["preview"] = Preview(body),
        };
        var eventId = AppendEvent(identity, "sms", Wire.ToJson(data));
        return new RaviInjectedSms { MessageId = message.Id, ConversationId = conversationId, EventId = eventId };
    }

    // ---------------------------------------------------------------- text helpers

    public static string Preview(string text)
    {
        var collapsed = WhitespaceRun().Replace(text, " ").Trim();
        return collapsed.Length <= PreviewLength ? collapsed : string.Concat(collapsed.AsSpan(0, PreviewLength).TrimEnd(), "...");
    }

    public static string HtmlToText(string html) => WebUtility.HtmlDecode(HtmlTag().Replace(html, " ")).Trim();

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string HexSignature(byte[] key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}

using Ravi.Sdk.Testing.Internal;
using Ravi.Sdk.Testing.Internal.Endpoints;

namespace Ravi.Sdk.Testing;

public sealed partial class RaviTestServer
{
    /// <summary>Every request received so far, in arrival order (recorded on arrival, status filled in when answered).</summary>
    public IReadOnlyList<RaviRecordedRequest> Requests => _state.SnapshotRequests();

    /// <summary>Every email accepted by compose, reply and reply-all, in order. Faulted requests send nothing.</summary>
    public IReadOnlyList<RaviSentEmail> SentEmails => _state.SnapshotSent();

    /// <summary>Every completed upload to a presigned attachment URL, in order.</summary>
    public IReadOnlyList<RaviUploadedAttachment> UploadedAttachments => _state.SnapshotUploads();

    /// <summary>
    /// Exceptions the server did not expect while handling requests (each was answered with a 500). A conforming server
    /// has none, whatever the input: tests can assert this stays empty.
    /// </summary>
    public IReadOnlyList<Exception> UnhandledErrors => _state.SnapshotErrors();

    /// <summary>How many <c>POST /api/auth/token/refresh/</c> requests arrived (counted on arrival, whatever their outcome).</summary>
    public int RefreshCallCount => _state.RefreshCalls;

    /// <summary>How many event-stream connections have been opened.</summary>
    public int StreamConnectionCount => _state.StreamConnections;

    /// <summary>How many event-stream connections are open now.</summary>
    public int ActiveStreamCount => _state.ActiveStreams;

    /// <summary>The device-flow user codes that are neither approved, denied, used nor expired.</summary>
    public IReadOnlyList<string> PendingDeviceUserCodes
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.PendingUserCodes();
            }
        }
    }

    /// <summary>Forgets the recorded <see cref="Requests"/>.</summary>
    public void ClearRequests() => _state.ClearRequests();

    /// <summary>Creates another user (for tests of cross-account access).</summary>
    /// <param name="email">The login email (unique).</param>
    /// <param name="password">The login password.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <returns>The user.</returns>
    public RaviTestUser CreateUser(string email, string password, string firstName = "Other", string lastName = "User")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        ArgumentNullException.ThrowIfNull(firstName);
        ArgumentNullException.ThrowIfNull(lastName);
        lock (_state.Sync)
        {
            return _state.CreateUser(email, password, firstName, lastName).ToPublic();
        }
    }

    /// <summary>Issues a fresh token pair, as a login would.</summary>
    /// <param name="email">The user; <see langword="null"/> for the seeded user.</param>
    /// <returns>The tokens.</returns>
    public RaviTestTokens IssueTokens(string? email = null)
    {
        lock (_state.Sync)
        {
            return _state.IssueTokens(FindUser(email));
        }
    }

    /// <summary>Creates a static API key (<c>ravi_mgmt_…</c>), accepted as a bearer credential; it never expires or refreshes.</summary>
    /// <param name="email">The user; <see langword="null"/> for the seeded user.</param>
    /// <returns>The key.</returns>
    public string CreateApiKey(string? email = null)
    {
        lock (_state.Sync)
        {
            return _state.Tokens.CreateApiKey(FindUser(email).Id);
        }
    }

    /// <summary>Creates an identity, as <c>POST /api/identities/</c> would (without the subscription check).</summary>
    /// <param name="name">The identity name (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; unique).</param>
    /// <param name="email">The owning user; <see langword="null"/> for the seeded user.</param>
    /// <returns>The identity.</returns>
    public RaviTestIdentity CreateIdentity(string name, string? email = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (IdentityEndpoints.ValidateName(name) is { } problem)
        {
            throw new ArgumentException($"'{name}' is not a valid identity name: {problem}", nameof(name));
        }

        lock (_state.Sync)
        {
            if (_state.IsNameTaken(name))
            {
                throw new InvalidOperationException($"An identity named '{name}' already exists.");
            }

            return _state.CreateIdentity(FindUser(email), name).ToPublic();
        }
    }

    /// <summary>Approves a pending device-flow request: the next poll returns tokens for the user.</summary>
    /// <param name="userCode">The <c>user_code</c> (case and dash insensitive).</param>
    /// <param name="email">The user who approves; <see langword="null"/> for the seeded user.</param>
    public void ApproveDevice(string userCode, string? email = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userCode);
        lock (_state.Sync)
        {
            FindDevice(userCode).ApprovedUserId = FindUser(email).Id;
        }
    }

    /// <summary>Denies a pending device-flow request: polls answer <c>access_denied</c>.</summary>
    /// <param name="userCode">The <c>user_code</c>.</param>
    public void DenyDevice(string userCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userCode);
        lock (_state.Sync)
        {
            FindDevice(userCode).Denied = true;
        }
    }

    /// <summary>Expires every device code: polls answer <c>expired_token</c>.</summary>
    public void ExpireDeviceCodes()
    {
        lock (_state.Sync)
        {
            _state.ExpireDeviceCodes();
        }
    }

    /// <summary>
    /// Makes every access token issued so far expired: requests carrying one get 401 <c>token_expired</c>. Refresh tokens
    /// stay valid, and tokens issued afterwards are unaffected.
    /// </summary>
    public void ExpireAllTokens()
    {
        lock (_state.Sync)
        {
            _state.Tokens.ExpireAllAccess();
        }
    }

    /// <summary>Invalidates every refresh token issued so far: refreshing answers 401 <c>token_not_valid</c>.</summary>
    public void RevokeRefreshTokens()
    {
        lock (_state.Sync)
        {
            _state.Tokens.RevokeAllRefresh();
        }
    }

    /// <summary>Marks an account paid or unpaid; unpaid accounts get 402 <c>payment_required</c> on sends and identity creation.</summary>
    /// <param name="active">Whether the subscription is active.</param>
    /// <param name="email">The user; <see langword="null"/> for the seeded user.</param>
    public void SetSubscription(bool active, string? email = null)
    {
        lock (_state.Sync)
        {
            FindUser(email).SubscriptionActive = active;
        }
    }

    /// <summary>Sets a user's encryption metadata directly (stored verbatim, as <c>GET /api/encryption/</c> will return it).</summary>
    /// <param name="salt">The salt (standard base64).</param>
    /// <param name="verifier">The verifier (standard base64).</param>
    /// <param name="publicKey">The public key (standard base64).</param>
    /// <param name="email">The user; <see langword="null"/> for the seeded user.</param>
    public void SetEncryption(string salt, string verifier, string publicKey, string? email = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(salt);
        ArgumentException.ThrowIfNullOrWhiteSpace(verifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKey);
        lock (_state.Sync)
        {
            FindUser(email).Encryption = _state.NewEncryption(salt, verifier, publicKey);
        }
    }

    /// <summary>Delivers an inbound email: it appears in the inbox (unread) and as an <c>email</c> event on the stream.</summary>
    /// <param name="identityUuid">The receiving identity.</param>
    /// <param name="from">The sender address.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="text">The plain-text body.</param>
    /// <param name="html">The HTML body, if any.</param>
    /// <param name="threadId">An existing thread to add it to; <see langword="null"/> for a new thread.</param>
    /// <returns>The message, thread and event ids.</returns>
    public RaviInjectedEmail InjectEmail(string identityUuid, string from, string subject, string text, string? html = null, string? threadId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(text);
        lock (_state.Sync)
        {
            return _state.InjectEmail(_state.RequireIdentity(identityUuid), from, subject, text, html, threadId);
        }
    }

    /// <summary>Delivers an inbound SMS: it appears in the SMS inbox (unread) and as an <c>sms</c> event on the stream.</summary>
    /// <param name="identityUuid">The receiving identity.</param>
    /// <param name="from">The sender number.</param>
    /// <param name="body">The text.</param>
    /// <returns>The message, conversation and event ids.</returns>
    public RaviInjectedSms InjectSms(string identityUuid, string from, string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentNullException.ThrowIfNull(body);
        lock (_state.Sync)
        {
            return _state.InjectSms(_state.RequireIdentity(identityUuid), from, body);
        }
    }

    /// <summary>Appends one raw event to an identity's stream (any type, e.g. one a client does not know).</summary>
    /// <param name="identityUuid">The identity.</param>
    /// <param name="eventType">The <c>event:</c> field.</param>
    /// <param name="data">The data; each line becomes a <c>data:</c> line.</param>
    /// <returns>The event id.</returns>
    public long PublishEvent(string identityUuid, string eventType, string data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(data);
        if (eventType.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("An event type cannot contain line breaks.", nameof(eventType));
        }

        lock (_state.Sync)
        {
            return ServerState.AppendEvent(_state.RequireIdentity(identityUuid), eventType, data);
        }
    }

    /// <summary>
    /// Appends <paramref name="count"/> <c>sms</c> events to an identity's stream in one step (stream only: nothing is
    /// added to the inbox). Event <c>n</c>'s preview is <c>bulk event n</c>.
    /// </summary>
    /// <param name="identityUuid">The identity.</param>
    /// <param name="count">How many events.</param>
    /// <returns>The id of the last event.</returns>
    public long PublishEvents(string identityUuid, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_state.Sync)
        {
            return ServerState.AppendBulkEvents(_state.RequireIdentity(identityUuid), count);
        }
    }

    /// <summary>The id of the last event on an identity's stream (0 when none).</summary>
    /// <param name="identityUuid">The identity.</param>
    /// <returns>The last event id.</returns>
    public long GetLastEventId(string identityUuid)
    {
        lock (_state.Sync)
        {
            return _state.RequireIdentity(identityUuid).LastEventId;
        }
    }

    private UserRecord FindUser(string? email) =>
        (email is null ? _state.FindUser(User.Id) : _state.FindUser(email))
        ?? throw new ArgumentException($"No user '{email}' exists on this server.", nameof(email));

    private DeviceCodeRecord FindDevice(string userCode) =>
        _state.FindByUserCode(userCode) ?? throw new ArgumentException($"No device request with user code '{userCode}'.", nameof(userCode));
}

namespace Ravi.Sdk.Testing.Internal;

/// <summary>An identity and everything scoped to it. Mutated only under <see cref="ServerState.Sync"/>.</summary>
internal sealed class IdentityRecord(string uuid, long id, long inboxId, long userId, string name, string inbox, string phoneNumber, long phoneId, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;

    /// <summary>The numeric id (the CLI dialect's <c>identity</c> field).</summary>
    public long Id { get; } = id;

    /// <summary>The id of the identity's email address record (<c>GET /api/email/</c>, compose's <c>?inbox=</c>).</summary>
    public long InboxId { get; } = inboxId;

    public long UserId { get; } = userId;
    public string Name { get; set; } = name;
    public string Inbox { get; } = inbox;
    public string PhoneNumber { get; } = phoneNumber;
    public long PhoneId { get; } = phoneId;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
    public bool Deleted { get; set; }

    /// <summary>All email messages, ascending id.</summary>
    public List<EmailMessageRecord> Emails { get; } = [];

    /// <summary>Thread id → messages (ascending id), in thread creation order.</summary>
    public Dictionary<string, List<EmailMessageRecord>> Threads { get; } = new(StringComparer.Ordinal);

    /// <summary>All SMS messages, ascending id.</summary>
    public List<SmsMessageRecord> Sms { get; } = [];

    /// <summary>Sender number → conversation id.</summary>
    public Dictionary<string, string> ConversationByNumber { get; } = new(StringComparer.Ordinal);

    public List<PasswordRecord> Passwords { get; } = [];
    public List<VaultRecord> Secrets { get; } = [];

    /// <summary>The event log; event ids are 1-based and contiguous, so event <c>n</c> is at index <c>n - 1</c>.</summary>
    public List<StoredEvent> Events { get; } = [];

    /// <summary>
    /// How many times the event counter was restarted (<see cref="RaviTestServer.RestartEventIds"/>): open streams of an
    /// older life end, and a <c>Last-Event-ID</c> beyond the counter is answered from the first event of this life.
    /// </summary>
    public int EventLife { get; set; }

    /// <summary>Completed (and replaced) whenever an event is appended or the identity is deleted.</summary>
    public TaskCompletionSource EventsChanged { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When each accepted send happened (pruned to the last day).</summary>
    public List<DateTimeOffset> SendTimes { get; } = [];

    /// <summary>When each presign happened (pruned to the last hour).</summary>
    public List<DateTimeOffset> PresignTimes { get; } = [];

    public long LastEventId => Events.Count;

    public RaviTestIdentity ToPublic() => new() { Uuid = Uuid, Name = Name, Inbox = Inbox, PhoneNumber = PhoneNumber, UserId = UserId, Id = Id, InboxId = InboxId };
}

namespace Ravi.Sdk.Samples.McpServer;

/// <summary>An identity as the tools return it.</summary>
public sealed record IdentityResult(string Uuid, string Name, string? Inbox, string? Phone);

/// <summary>The identities of the account.</summary>
public sealed record IdentityListResult(IReadOnlyList<IdentityResult> Identities);

/// <summary>One email thread in the inbox.</summary>
public sealed record EmailThreadResult(string ThreadId, string? From, string? Subject, string? Preview, int UnreadCount);

/// <summary>One SMS conversation.</summary>
public sealed record SmsConversationResult(string ConversationId, string? From, string? Preview, int UnreadCount);

/// <summary>An identity's email threads and SMS conversations.</summary>
public sealed record InboxResult(IReadOnlyList<EmailThreadResult> Emails, IReadOnlyList<SmsConversationResult> Sms);

/// <summary>A verification code and where it came from.</summary>
public sealed record CodeResult(string Code, string Channel, string? From);

/// <summary>A vault secret, decrypted.</summary>
public sealed record SecretResult(string Key, string? Value);

/// <summary>A stored secret (the value is not echoed).</summary>
public sealed record StoredSecretResult(string Key, string Uuid, bool Encrypted);

/// <summary>A website credential, decrypted.</summary>
public sealed record PasswordResult(string Domain, string? Username, string? Password);

using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Ravi.Sdk.Otp;

namespace Ravi.Sdk.Samples.McpServer;

/// <summary>
/// The MCP tools. Each call scopes the shared <see cref="RaviClient"/> to the identity it names with
/// <see cref="RaviClient.ForIdentity"/>, so concurrent calls for different identities never interfere. SDK errors become
/// <see cref="McpException"/>s, whose message the host shows the model (other exceptions would be reported generically).
/// </summary>
[McpServerToolType]
public sealed partial class RaviTools(RaviClient ravi)
{
    [McpServerTool(Name = "create_identity", Destructive = false, Idempotent = false)]
    [Description("Creates a new Ravi identity: an email inbox and a phone number for an agent. Returns its uuid, inbox and phone.")]
    public async Task<IdentityResult> CreateIdentityAsync(
        [Description("A unique name; it becomes the inbox's local part, e.g. 'shopping-agent'.")] string name,
        CancellationToken cancellationToken)
    {
        var identity = await Call(() => ravi.Identities.CreateAsync(name, cancellationToken: cancellationToken));
        return new IdentityResult(identity.Uuid, identity.Name, identity.Inbox, identity.Phone);
    }

    [McpServerTool(Name = "list_identities", ReadOnly = true)]
    [Description("Lists the account's identities with their inbox address and phone number.")]
    public async Task<IdentityListResult> ListIdentitiesAsync(CancellationToken cancellationToken)
    {
        var identities = new List<IdentityResult>();
        await Call(async () =>
        {
            await foreach (var identity in ravi.Identities.ListAsync(cancellationToken: cancellationToken))
            {
                identities.Add(new IdentityResult(identity.Uuid, identity.Name, identity.Inbox, identity.Phone));
            }
        });
        return new IdentityListResult(identities);
    }

    [McpServerTool(Name = "read_inbox", ReadOnly = true)]
    [Description("Reads an identity's inbox: email threads and SMS conversations, newest first, with previews.")]
    public async Task<InboxResult> ReadInboxAsync(
        [Description("The identity's uuid.")] string identityUuid,
        [Description("Only threads and conversations with unread messages.")] bool unreadOnly = false,
        CancellationToken cancellationToken = default)
    {
        var agent = Scope(identityUuid);
        var emails = new List<EmailThreadResult>();
        var sms = new List<SmsConversationResult>();
        await Call(async () =>
        {
            await foreach (var thread in agent.EmailInbox.ListThreadsAsync(unreadOnly, cancellationToken: cancellationToken))
            {
                emails.Add(new EmailThreadResult(thread.ThreadId, thread.FromEmail, thread.Subject, thread.Preview, thread.UnreadCount));
            }

            await foreach (var conversation in agent.SmsInbox.ListConversationsAsync(unreadOnly, cancellationToken: cancellationToken))
            {
                sms.Add(new SmsConversationResult(conversation.ConversationId, conversation.FromNumber, conversation.Preview, conversation.UnreadCount));
            }
        });
        return new InboxResult(emails, sms);
    }

    [McpServerTool(Name = "wait_for_code", ReadOnly = true)]
    [Description("Waits for a one-time code (OTP) sent to the identity by SMS or email after this call starts, and returns it. Call it right after triggering the code (e.g. submitting a sign-up form).")]
    public async Task<CodeResult> WaitForCodeAsync(
        [Description("The identity's uuid.")] string identityUuid,
        [Description("'sms' or 'email'.")] string channel = "sms",
        [Description("How long to wait, in seconds (1-600).")] int timeoutSeconds = 120,
        [Description("Only messages whose sender contains this text (phone number or email address); optional.")] string? fromContains = null,
        CancellationToken cancellationToken = default)
    {
        if (timeoutSeconds is < 1 or > 600)
        {
            throw new McpException("timeoutSeconds must be between 1 and 600.");
        }

        var options = new OtpWaitOptions { Timeout = TimeSpan.FromSeconds(timeoutSeconds), FromContains = fromContains };
        var otp = Scope(identityUuid).Otp;
        var result = await Call(() => channel switch
        {
            "sms" => otp.WaitForSmsCodeAsync(options, cancellationToken: cancellationToken),
            "email" => otp.WaitForEmailCodeAsync(options, cancellationToken: cancellationToken),
            _ => throw new McpException("channel must be 'sms' or 'email'."),
        });
        return new CodeResult(result.Code, channel, result.From);
    }

    [McpServerTool(Name = "get_secret", ReadOnly = true)]
    [Description("Reads a secret from the identity's end-to-end encrypted vault by key, decrypted locally.")]
    public async Task<SecretResult> GetSecretAsync(
        [Description("The identity's uuid.")] string identityUuid,
        [Description("The secret's key, e.g. 'OPENAI_API_KEY'.")] string key,
        CancellationToken cancellationToken)
    {
        RequireUnlocked();
        var secret = await Call(() => Scope(identityUuid).Vault.GetByKeyAsync(key, cancellationToken: cancellationToken))
            ?? throw new McpException($"The vault has no secret named '{key}'.");
        return new SecretResult(secret.Key, secret.Value);
    }

    [McpServerTool(Name = "set_secret", Destructive = true, Idempotent = true)]
    [Description("Stores a secret in the identity's vault (creates or replaces it by key). The value is encrypted locally before it is sent.")]
    public async Task<StoredSecretResult> SetSecretAsync(
        [Description("The identity's uuid.")] string identityUuid,
        [Description("The secret's key.")] string key,
        [Description("The secret value.")] string value,
        CancellationToken cancellationToken)
    {
        RequireUnlocked();
        var stored = await Call(() => Scope(identityUuid).Vault.SetAsync(key, value, cancellationToken: cancellationToken));
        return new StoredSecretResult(stored.Key, stored.Uuid, Encrypted: true);
    }

    [McpServerTool(Name = "get_password", ReadOnly = true)]
    [Description("Reads the saved website credential (username and password) of an identity for a domain, decrypted locally.")]
    public async Task<PasswordResult> GetPasswordAsync(
        [Description("The identity's uuid.")] string identityUuid,
        [Description("The website's domain, e.g. 'example.com'.")] string domain,
        CancellationToken cancellationToken)
    {
        RequireUnlocked();
        var agent = Scope(identityUuid);
        var entry = await Call(async () =>
        {
            await foreach (var candidate in agent.Passwords.ListAsync(cancellationToken: cancellationToken))
            {
                if (string.Equals(candidate.Domain, domain, StringComparison.OrdinalIgnoreCase))
                {
                    // Lists may leave the password out: read the entry itself.
                    return await agent.Passwords.GetAsync(candidate.Uuid, cancellationToken: cancellationToken);
                }
            }

            return null;
        }) ?? throw new McpException($"No saved password for '{domain}'.");
        return new PasswordResult(entry.Domain ?? domain, entry.Username, entry.Password);
    }

    private RaviClient Scope(string identityUuid)
    {
        try
        {
            return ravi.ForIdentity(identityUuid);
        }
        catch (ArgumentException)
        {
            throw new McpException("identityUuid must be an identity's UUID (see list_identities).");
        }
    }

    private void RequireUnlocked()
    {
        if (!ravi.Encryption.IsUnlocked)
        {
            throw new McpException("The vault is locked: start the MCP server with RAVI_PIN set.");
        }
    }

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RaviException or ArgumentException)
        {
            throw new McpException(ex.Message, ex);
        }
    }

    private static async Task Call(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is RaviException or ArgumentException)
        {
            throw new McpException(ex.Message, ex);
        }
    }
}

using System.Globalization;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Serialization;

namespace Ravi.Sdk.Resources;

/// <summary>
/// Email messages: <c>/api/email-messages/</c>. Sends (compose, reply, reply-all) require an identity and are never
/// retried in a way that could send twice.
/// </summary>
public class EmailMessagesClient
{
    private const string Path = "api/email-messages/";
    private readonly RaviScope _scope = null!;

    /// <summary>Constructor for mocking frameworks.</summary>
    protected EmailMessagesClient()
    {
    }

    internal EmailMessagesClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists email messages (<c>GET /api/email-messages/</c>), following pages.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages.</returns>
    public virtual IAsyncEnumerable<EmailMessage> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(unreadOnly: false, cancellationToken);

    /// <summary>Lists email messages (<c>GET /api/email-messages/</c>), following pages, optionally unread only.</summary>
    /// <remarks>
    /// Unread only sends <c>?unread=true&amp;is_read=false</c> (the documented name and the official CLI's) and also drops
    /// messages marked read from every page, so the result is the same whichever name the server honours.
    /// </remarks>
    /// <param name="unreadOnly">Only messages not yet read.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages.</returns>
    public virtual IAsyncEnumerable<EmailMessage> ListAsync(bool unreadOnly, CancellationToken cancellationToken = default) =>
        UnreadFilter.Apply(
            _scope.Pipeline.ListAsync(unreadOnly ? Path + UnreadFilter.MessagesQuery : Path, IdentityScope.Optional, _scope.IdentityUuid, RaviJsonContext.Default.EmailMessage, cancellationToken),
            unreadOnly,
            m => !m.IsRead);

    /// <summary>Gets one message (<c>GET /api/email-messages/{id}/</c>).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message.</returns>
    public virtual Task<EmailMessage> GetAsync(long messageId, CancellationToken cancellationToken = default)
    {
        Guard.PositiveId(messageId);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{Id(messageId)}/", IdentityScope.Optional);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EmailMessage, cancellationToken);
    }

    /// <summary>Composes and sends an email from the identity's inbox (<c>POST /api/email-messages/compose/</c>).</summary>
    /// <param name="email">The message.</param>
    /// <param name="cancellationToken">Cancels the call (the server may still have sent it if cancelled mid-flight).</param>
    /// <returns>The sent message.</returns>
    /// <exception cref="ArgumentException">No recipient, or a malformed address.</exception>
    /// <exception cref="RaviRateLimitException">The send limit (60/h, 500/day) was reached.</exception>
    public virtual Task<EmailMessage> ComposeAsync(ComposeEmailRequest email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ValidateRecipients(email.To, nameof(email) + "." + nameof(email.To), required: true);
        ValidateRecipients(email.Cc, nameof(email) + "." + nameof(email.Cc), required: false);
        ValidateRecipients(email.Bcc, nameof(email) + "." + nameof(email.Bcc), required: false);
        ValidateAttachments(email.AttachmentUuids, nameof(email));
        var request = _scope.Request(HttpMethod.Post, Path + "compose/", IdentityScope.Required);
        RaviPipeline.SetJsonBody(request, email, RaviJsonContext.Default.ComposeEmailRequest);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EmailMessage, cancellationToken);
    }

    /// <summary>Replies to the sender of a message (<c>POST /api/email-messages/{id}/reply/</c>).</summary>
    /// <param name="messageId">The message to reply to.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sent reply.</returns>
    public virtual Task<EmailMessage> ReplyAsync(long messageId, ReplyEmailRequest reply, CancellationToken cancellationToken = default) =>
        SendReplyAsync(messageId, reply, "reply", cancellationToken);

    /// <summary>Replies to every recipient of a message (<c>POST /api/email-messages/{id}/reply-all/</c>).</summary>
    /// <param name="messageId">The message to reply to.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sent reply.</returns>
    public virtual Task<EmailMessage> ReplyAllAsync(long messageId, ReplyEmailRequest reply, CancellationToken cancellationToken = default) =>
        SendReplyAsync(messageId, reply, "reply-all", cancellationToken);

    private Task<EmailMessage> SendReplyAsync(long messageId, ReplyEmailRequest reply, string action, CancellationToken cancellationToken)
    {
        Guard.PositiveId(messageId);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(reply.Body, nameof(reply) + "." + nameof(reply.Body));
        ValidateRecipients(reply.Cc, nameof(reply) + "." + nameof(reply.Cc), required: false);
        ValidateRecipients(reply.Bcc, nameof(reply) + "." + nameof(reply.Bcc), required: false);
        ValidateAttachments(reply.AttachmentUuids, nameof(reply));
        var request = _scope.Request(HttpMethod.Post, $"{Path}{Id(messageId)}/{action}/", IdentityScope.Required);
        RaviPipeline.SetJsonBody(request, reply, RaviJsonContext.Default.ReplyEmailRequest);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EmailMessage, cancellationToken);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void ValidateRecipients(string? value, string paramName, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                throw new ArgumentException("At least one recipient is required.", paramName);
            }

            return;
        }

        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var at = part.LastIndexOf('@');
            if (part.Length == 0 || at <= 0 || at == part.Length - 1 || part.Any(char.IsWhiteSpace) && !part.Contains('<', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{part}' is not a valid email address.", paramName);
            }
        }
    }

    private static void ValidateAttachments(IReadOnlyList<string>? uuids, string paramName)
    {
        if (uuids is null)
        {
            return;
        }

        foreach (var uuid in uuids)
        {
            if (!Guid.TryParseExact(uuid, "D", out _))
            {
                throw new ArgumentException($"Attachment id '{uuid}' is not a UUID.", paramName + ".AttachmentUuids");
            }
        }
    }
}

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

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected EmailMessagesClient()
    {
    }

    internal EmailMessagesClient(RaviScope scope) => _scope = scope;

    /// <summary>Lists email messages (<c>GET /api/email-messages/</c>), following pages, optionally unread only.</summary>
    /// <remarks>
    /// <para>This endpoint pages with <c>limit</c>/<c>offset</c> (50 by default): a page size hint given to
    /// <see cref="RaviAsyncPageable{T}.AsPages"/> is sent as <c>limit</c> (at most 200).</para>
    /// <para>Unread only sends <c>?unread=true&amp;is_read=false</c> (the documented name and the official CLI's) and also
    /// drops messages marked read from every page, so the result is the same whichever name the server honours.</para>
    /// </remarks>
    /// <param name="unreadOnly">Only messages not yet read.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for each page request; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages; enumerate them, or use <see cref="RaviAsyncPageable{T}.AsPages"/> for pages.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/list/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual RaviAsyncPageable<EmailMessage> ListAsync(bool unreadOnly = false, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return _scope.Pipeline.List(unreadOnly ? Path + UnreadFilter.MessagesQuery : Path, IdentityScope.Optional, _scope.IdentityUuid,
            RaviJsonContext.Default.EmailMessage, _scope.OptionsFor(requestOptions), cancellationToken, UnreadFilter.For<EmailMessage>(unreadOnly, m => !m.IsRead), pagesBySize: true);
    }

    /// <summary>Gets one message (<c>GET /api/email-messages/{id}/</c>).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message.</returns>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    /// <include file="../Docs/CallExceptions.xml" path="doc/arguments/*" />
    public virtual Task<EmailMessage> GetAsync(long messageId, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        Guard.PositiveId(messageId);
        var request = _scope.Request(HttpMethod.Get, $"{Path}{Id(messageId)}/", IdentityScope.Optional, requestOptions);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EmailMessage, cancellationToken);
    }

    /// <summary>Composes and sends an email from the identity's inbox (<c>POST /api/email-messages/compose/</c>).</summary>
    /// <remarks>
    /// Never retried once it may have reached the server (an email is never sent twice), also when
    /// <see cref="RaviRequestOptions.IdempotencyKey"/> is set: the API does not document honouring one.
    /// </remarks>
    /// <param name="email">The message.</param>
    /// <param name="requestOptions">Headers, an idempotency key, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call (the server may still have sent it if cancelled mid-flight).</param>
    /// <returns>The sent message.</returns>
    /// <exception cref="ArgumentException">No recipient, a malformed address or attachment id, or invalid <paramref name="requestOptions"/> (nothing is sent).</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="RaviRateLimitException">The send limit (60/h, 500/day) was reached.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<EmailMessage> ComposeAsync(ComposeEmailRequest email, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        ArgumentNullException.ThrowIfNull(email);
        ValidateRecipients(email.To, nameof(email) + "." + nameof(email.To), required: true);
        ValidateRecipients(email.Cc, nameof(email) + "." + nameof(email.Cc), required: false);
        ValidateRecipients(email.Bcc, nameof(email) + "." + nameof(email.Bcc), required: false);
        ValidateAttachments(email.AttachmentUuids, nameof(email));
        var request = _scope.Request(HttpMethod.Post, Path + "compose/", IdentityScope.Required, requestOptions);
        RaviRequestFactory.SetJsonBody(request, email, RaviJsonContext.Default.ComposeEmailRequest);
        return _scope.Pipeline.SendAsync(request, RaviJsonContext.Default.EmailMessage, cancellationToken);
    }

    /// <summary>Replies to the sender of a message (<c>POST /api/email-messages/{id}/reply/</c>); never sent twice, like <see cref="ComposeAsync"/>.</summary>
    /// <param name="messageId">The message to reply to.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="requestOptions">Headers, an idempotency key, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sent reply.</returns>
    /// <exception cref="ArgumentException">No body, a malformed address or attachment id, or invalid <paramref name="requestOptions"/> (nothing is sent).</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<EmailMessage> ReplyAsync(long messageId, ReplyEmailRequest reply, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return SendReplyAsync(messageId, reply, "reply", requestOptions, cancellationToken);
    }

    /// <summary>Replies to every recipient of a message (<c>POST /api/email-messages/{id}/reply-all/</c>); never sent twice, like <see cref="ComposeAsync"/>.</summary>
    /// <param name="messageId">The message to reply to.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="requestOptions">Headers, an idempotency key, timeouts and a response callback for this call; null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sent reply.</returns>
    /// <exception cref="ArgumentException">No body, a malformed address or attachment id, or invalid <paramref name="requestOptions"/> (nothing is sent).</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<EmailMessage> ReplyAllAsync(long messageId, ReplyEmailRequest reply, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return SendReplyAsync(messageId, reply, "reply-all", requestOptions, cancellationToken);
    }

    private Task<EmailMessage> SendReplyAsync(long messageId, ReplyEmailRequest reply, string action, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        Guard.PositiveId(messageId);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(reply.Body, nameof(reply) + "." + nameof(reply.Body));
        ValidateRecipients(reply.Cc, nameof(reply) + "." + nameof(reply.Cc), required: false);
        ValidateRecipients(reply.Bcc, nameof(reply) + "." + nameof(reply.Bcc), required: false);
        ValidateAttachments(reply.AttachmentUuids, nameof(reply));
        var request = _scope.Request(HttpMethod.Post, $"{Path}{Id(messageId)}/{action}/", IdentityScope.Required, requestOptions);
        RaviRequestFactory.SetJsonBody(request, reply, RaviJsonContext.Default.ReplyEmailRequest);
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

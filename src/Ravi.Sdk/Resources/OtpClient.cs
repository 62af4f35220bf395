using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;
using Ravi.Sdk.Models;
using Ravi.Sdk.Otp;

namespace Ravi.Sdk.Resources;

/// <summary>
/// Helpers that wait for OTP codes, emails and verification links arriving at the identity. Requires an identity.
/// </summary>
/// <remarks>
/// <para>
/// A wait considers only inbound messages received since the wait started (or <see cref="OtpWaitOptions.Since"/>),
/// less <see cref="OtpWaitOptions.ClockSkewTolerance"/>, newest first. It learns about new messages from the event
/// stream (SSE) and falls back to polling the unread inbox; either way it reads the full conversation or thread before
/// matching (event previews are truncated), which marks it read on the server.
/// </para>
/// <para>
/// Consume-once: a message returned by one wait is never returned again by this <see cref="OtpClient"/> (the last
/// 4096 messages are remembered), even across calls and concurrent waits — so two codes requested in a row come back
/// one each.
/// </para>
/// </remarks>
public class OtpClient
{
    /// <summary>
    /// How many catch-up polls the waits of one client (its root and every identity view) run at once next to their event
    /// streams: each is a second connection for one round trip, so waits started together hold at most their streams plus
    /// this many connections.
    /// </summary>
    internal const int ConcurrentCatchUps = 4;

    private readonly RaviScope _scope = null!;
    private readonly SmsInboxClient _smsInbox = null!;
    private readonly EmailInboxClient _emailInbox = null!;
    private readonly EventsClient _events = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected OtpClient()
    {
    }

    /// <param name="scope">The view's pipeline, shared state and identity.</param>
    /// <param name="smsInbox">The view's SMS inbox (polled SMS waits read through it).</param>
    /// <param name="emailInbox">The view's email inbox (polled email waits read through it).</param>
    /// <param name="events">The view's event stream.</param>
    internal OtpClient(RaviScope scope, SmsInboxClient smsInbox, EmailInboxClient emailInbox, EventsClient events)
    {
        _scope = scope;
        _smsInbox = smsInbox;
        _emailInbox = emailInbox;
        _events = events;
    }

    /// <summary>Waits for an SMS carrying a one-time code and returns the code.</summary>
    /// <param name="options">Filters, extractor, timeout and transport; null for the defaults (any sender, 2 minutes).</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for every request of the wait (inbox polls, reads, the event stream); its token also ends the wait. Null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The code and the message it came from.</returns>
    /// <exception cref="RaviWaitTimeoutException">No matching SMS arrived in time; the message names the criteria.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<OtpResult> WaitForSmsCodeAsync(OtpWaitOptions? options = null, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return WaitAsync("Otp.WaitForSmsCode", OtpChannel.Sms, options, "an SMS code", static (c, m) => c.ToCode(m), requestOptions, cancellationToken);
    }

    /// <summary>Waits for an email carrying a one-time code (in the subject or body) and returns the code.</summary>
    /// <param name="options">Filters, extractor, timeout and transport; null for the defaults.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for every request of the wait (inbox polls, reads, the event stream); its token also ends the wait. Null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The code and the message it came from.</returns>
    /// <exception cref="RaviWaitTimeoutException">No matching email arrived in time.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<OtpResult> WaitForEmailCodeAsync(OtpWaitOptions? options = null, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return WaitAsync("Otp.WaitForEmailCode", OtpChannel.Email, options, "an email code", static (c, m) => c.ToCode(m), requestOptions, cancellationToken);
    }

    /// <summary>Waits for an email matching the filters and returns it.</summary>
    /// <param name="options">Filters, timeout and transport; null for the defaults (any new email).</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for every request of the wait (inbox polls, reads, the event stream); its token also ends the wait. Null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The email.</returns>
    /// <exception cref="RaviWaitTimeoutException">No matching email arrived in time.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<EmailMessage> WaitForEmailAsync(OtpWaitOptions? options = null, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return WaitAsync("Otp.WaitForEmail", OtpChannel.Email, options, "an email", static (_, m) => OtpCriteria.ToEmail(m), requestOptions, cancellationToken);
    }

    /// <summary>
    /// Waits for an email with a verification link (verify / confirm / activate / magic login…) and returns the link,
    /// HTML entities decoded. Use <see cref="OtpWaitOptions.LinkFilter"/> to pick a link by its URL.
    /// </summary>
    /// <param name="options">Filters, timeout and transport; null for the defaults.</param>
    /// <param name="requestOptions">Headers, timeouts and a response callback for every request of the wait (inbox polls, reads, the event stream); its token also ends the wait. Null for the client's settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The link and the email it came from.</returns>
    /// <exception cref="RaviWaitTimeoutException">No matching email arrived in time.</exception>
    /// <exception cref="RaviIdentityRequiredException">The client has no identity.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <include file="../Docs/CallExceptions.xml" path="doc/call/*" />
    public virtual Task<VerificationLink> WaitForLinkAsync(OtpWaitOptions? options = null, RaviRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        RaviMock.ThrowIfMock(_scope, this);
        return WaitAsync("Otp.WaitForLink", OtpChannel.Email, options, "a verification link in an email", static (c, m) => c.ToLink(m), requestOptions, cancellationToken);
    }

    /// <summary>Checks the arguments and the identity (before any I/O, thrown by the public call), then starts the wait.</summary>
    private Task<T> WaitAsync<T>(string operationName, OtpChannel channel, OtpWaitOptions? options, string what, Func<OtpCriteria, OtpMessage, T?> match,
        RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : class
    {
        var o = options?.Clone() ?? new OtpWaitOptions();
        o.Validate(nameof(options), channel == OtpChannel.Sms);
        RaviCallOptions.Check(requestOptions);
        _scope.RequireIdentity(HttpMethod.Get, channel == OtpChannel.Sms ? SmsMessageSource.InboxPath : EmailMessageSource.InboxPath, IdentityScope.Required);
        return OtpWait<T>.RunAsync(operationName, Setup(channel), o, what, match, requestOptions, cancellationToken);
    }

    /// <summary>What a wait on <paramref name="channel"/> works with (after the identity check: the view's identity is known).</summary>
    private OtpWaitSetup Setup(OtpChannel channel)
    {
        // The inbox as read next to the wait's event stream: every request closes its connection after the response, so that
        // the stream's is the only connection the wait keeps and none is left idle in the pool when it ends.
        var besideStream = new RaviScope(_scope.Pipeline, _scope.Shared, _scope.IdentityUuid) { CloseConnections = true };
        var (polled, beside) = channel == OtpChannel.Sms
            ? ((IOtpMessageSource)new SmsMessageSource(_smsInbox), (IOtpMessageSource)new SmsMessageSource(new SmsInboxClient(besideStream)))
            : (new EmailMessageSource(_emailInbox), new EmailMessageSource(new EmailInboxClient(besideStream)));
        var pipeline = _scope.Pipeline;
        return new OtpWaitSetup(channel, polled, beside, _events, _scope.Shared.ConsumedOtpMessages, _scope.Shared.OtpCatchUps,
            pipeline.TimeProvider, pipeline.LoggerFactory.CreateLogger(RaviLogCategories.Otp), pipeline.BaseAddress);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;
using Ravi.Sdk.Events;
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
    private const string SmsInboxPath = "api/sms-inbox/";
    private const string EmailInboxPath = "api/email-inbox/";

    /// <summary>
    /// How many catch-up polls the waits of one client (its root and every identity view) run at once next to their event
    /// streams: each is a second connection for one round trip, so waits started together hold at most their streams plus
    /// this many connections.
    /// </summary>
    internal const int ConcurrentCatchUps = 4;
    private readonly RaviClient _client = null!;

    /// <summary>Constructor for mocking frameworks: members not overridden throw <see cref="InvalidOperationException"/>.</summary>
    protected OtpClient()
    {
    }

    internal OtpClient(RaviClient client) => _client = client;

    /// <summary>Messages already returned by any wait on this client or its identity views (message ids are account-wide).</summary>
    private ConsumedMessageSet Consumed => _client.Scope.Shared.ConsumedOtpMessages;

    private enum HintKind
    {
        PollAll,
        Container,
        Fallback,
    }

    internal RaviClient Client => _client;

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
        RaviMock.ThrowIfMock(_client, this);
        var o = Prepare(options, OtpChannel.Sms, requestOptions);
        return WaitAsync("Otp.WaitForSmsCode", OtpChannel.Sms, o, Describe("an SMS code", o), m => ToResult(m, o), requestOptions, cancellationToken);
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
        RaviMock.ThrowIfMock(_client, this);
        var o = Prepare(options, OtpChannel.Email, requestOptions);
        return WaitAsync("Otp.WaitForEmailCode", OtpChannel.Email, o, Describe("an email code", o), m => ToResult(m, o), requestOptions, cancellationToken);
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
        RaviMock.ThrowIfMock(_client, this);
        var o = Prepare(options, OtpChannel.Email, requestOptions);
        return WaitAsync("Otp.WaitForEmail", OtpChannel.Email, o, Describe("an email", o), m => m.Email, requestOptions, cancellationToken);
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
        RaviMock.ThrowIfMock(_client, this);
        var o = Prepare(options, OtpChannel.Email, requestOptions);
        return WaitAsync("Otp.WaitForLink", OtpChannel.Email, o, Describe("a verification link in an email", o), m =>
        {
            var link = VerificationLinkExtractor.Extract(m.Email!.HtmlContent, m.Email.TextContent, o.LinkFilter);
            return link is { } l ? new VerificationLink { Url = l.Url, Text = l.Text, Message = m.Email } : null;
        }, requestOptions, cancellationToken);
    }

    /// <summary>Reads a code from <paramref name="text"/> with the options' extractor, or the default one.</summary>
    internal static string? ExtractCode(string text, OtpWaitOptions options)
    {
        if (options.CodeExtractor is { } extractor)
        {
            var code = extractor(text);
            return string.IsNullOrEmpty(code) ? null : code;
        }

        if (options.CodePattern is { } pattern)
        {
            var match = pattern.Match(text);
            if (!match.Success)
            {
                return null;
            }

            var named = match.Groups["code"];
            var value = named.Success ? named.Value : match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
            return value.Length == 0 ? null : value;
        }

        return OtpCodeExtractor.Extract(text);
    }

    private static OtpResult? ToResult(OtpMessage m, OtpWaitOptions options)
    {
        var text = m.ExtractionText;
        var code = ExtractCode(text, options);
        return code is null ? null : new OtpResult
        {
            Code = code,
            Text = text,
            From = m.From,
            Subject = m.Subject,
            ReceivedAt = m.ReceivedAt,
            Channel = m.Channel,
            MessageId = m.Id,
            ConversationId = m.Channel == OtpChannel.Sms ? m.ConversationId : null,
            ThreadId = m.Channel == OtpChannel.Email ? m.ConversationId : null,
        };
    }

    private static string Describe(string what, OtpWaitOptions o)
    {
        var sb = new StringBuilder(what);
        if (o.FromContains is not null)
        {
            sb.Append(" from a sender containing '").Append(o.FromContains).Append('\'');
        }

        if (o.SubjectContains is not null)
        {
            sb.Append(" with a subject containing '").Append(o.SubjectContains).Append('\'');
        }

        if (o.TextContains is not null)
        {
            sb.Append(" with text containing '").Append(o.TextContains).Append('\'');
        }

        if (o.CodePattern is not null)
        {
            sb.Append(" matching the pattern /").Append(o.CodePattern).Append('/');
        }
        else if (o.CodeExtractor is not null)
        {
            sb.Append(" accepted by the custom code extractor");
        }

        if (o.LinkFilter is not null)
        {
            sb.Append(" accepted by the link filter");
        }

        sb.Append(" (transport ").Append(o.Transport).Append(')');
        return sb.ToString();
    }

    private static bool ContainsText(string? value, string? wanted) =>
        wanted is null || (value is not null && value.Contains(wanted, StringComparison.OrdinalIgnoreCase));

    private static bool IsOutbound(MessageDirection? direction) => direction == MessageDirection.Outbound;

    /// <summary>The SDK's transient classifier, and a conversation or thread that vanished meanwhile (404).</summary>
    private static bool IsTransient(Exception ex) => ex is RaviNotFoundException || RaviRetryClassifier.IsTransient(ex);

    private OtpWaitOptions Prepare(OtpWaitOptions? options, OtpChannel channel, RaviRequestOptions? requestOptions)
    {
        var o = options?.Clone() ?? new OtpWaitOptions();
        o.Validate(nameof(options), channel == OtpChannel.Sms);
        RaviCallOptions.Check(requestOptions);
        _client.Scope.RequireIdentity(HttpMethod.Get, channel == OtpChannel.Sms ? SmsInboxPath : EmailInboxPath, IdentityScope.Required);
        return o;
    }

    private async Task<T> WaitAsync<T>(string operationName, OtpChannel channel, OtpWaitOptions options, string awaited, Func<OtpMessage, T?> match, RaviRequestOptions? requestOptions, CancellationToken callerToken)
        where T : class
    {
        using var call = RaviCallOptions.Link(requestOptions, callerToken);
        var cancellationToken = call.Token;
        var pipeline = _client.Scope.Pipeline;
        var time = pipeline.TimeProvider;
        using var telemetry = OtpWaitTelemetry.Start(operationName, channel, options.Transport, pipeline.BaseAddress, time);
        try
        {
            var result = await WaitCoreAsync(channel, options, awaited, match, requestOptions, cancellationToken).ConfigureAwait(false);
            telemetry.Found();
            return result;
        }
        catch (Exception ex)
        {
            telemetry.Failed(ex, cancellationToken);
            throw;
        }
    }

    private async Task<T> WaitCoreAsync<T>(OtpChannel channel, OtpWaitOptions options, string awaited, Func<OtpMessage, T?> match, RaviRequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : class
    {
        var pipeline = _client.Scope.Pipeline;
        var time = pipeline.TimeProvider;
        var logger = pipeline.LoggerFactory.CreateLogger(RaviLogCategories.Otp);
        var since = (options.Since ?? time.GetUtcNow()) - options.ClockSkewTolerance;
        var wait = new Wait<T>(this, channel, options, since, match, requestOptions, logger) { Polling = options.Transport == OtpTransport.Polling };

        using var timeoutSource = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var sseStop = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
        var token = linked.Token;
        var hints = Channel.CreateUnbounded<Hint>(new UnboundedChannelOptions { SingleReader = true });
        var polling = options.Transport == OtpTransport.Polling;
        var sse = Task.CompletedTask;
        if (polling)
        {
            hints.Writer.TryWrite(new Hint(HintKind.PollAll));
        }
        else
        {
            sse = RunEventStreamAsync(channel, options, requestOptions, hints.Writer, sseStop.Token);
        }

        var backoff = new RaviBackoff(options.PollInterval, options.MaxPollInterval, factor: 1.5, jitter: false);
        var polls = 1;

        // A catch-up poll next to the stream runs only in one of the client's few turns (a second connection each); until
        // the wait has its turn it goes on handling its stream's events.
        var catchUps = _client.Scope.Shared.OtpCatchUps;
        var catchUpDue = false;
        Task? turn = null;
        using var turnStop = CancellationTokenSource.CreateLinkedTokenSource(token);
        try
        {
            while (true)
            {
                while (hints.Reader.TryRead(out var hint))
                {
                    T? found = null;
                    switch (hint.Kind)
                    {
                        case HintKind.Fallback when options.Transport == OtpTransport.Sse:
                            throw new RaviException($"The event stream is unavailable ({hint.Reason}) and polling is disabled (OtpTransport.Sse).", hint.Error);
                        case HintKind.Fallback:
                            if (!polling)
                            {
                                polling = true;
                                wait.Polling = true;
                                catchUpDue = false; // polling from now on, on the one connection the stream had
                                await GiveUpTurnAsync(turn, turnStop, catchUps).ConfigureAwait(false);
                                turn = null;
                                OtpLog.FallingBackToPolling(logger, hint.Reason ?? "the event stream failed");
                                RaviOperation.AddEvent("ravi.otp.polling", new TagList { { "ravi.otp.reason", hint.Error is { } e ? RaviOperation.ErrorType(e) : "stream_ended" } });
                                found = await wait.CheckInboxAsync(token).ConfigureAwait(false);
                            }

                            break;
                        case HintKind.PollAll when polling:
                            found = await wait.CheckInboxAsync(token).ConfigureAwait(false);
                            break;
                        case HintKind.PollAll:
                            catchUpDue = true; // one poll, run after this hint, catches up for every connect so far
                            break;
                        case HintKind.Container:
                            found = await wait.CheckConversationAsync(hint.ContainerId!, token).ConfigureAwait(false);
                            if (found is null)
                            {
                                hint.Resume?.TrySetResult(); // not this one: the stream reopens where it left off
                            }

                            break;
                    }

                    if (found is not null)
                    {
                        return found;
                    }
                }

                if (catchUpDue)
                {
                    var pending = turn ??= catchUps.WaitAsync(turnStop.Token);
                    if (!pending.IsCompleted)
                    {
                        await WaitForHintOrAsync(hints.Reader, _ => pending, token).ConfigureAwait(false);
                        continue;
                    }

                    await pending.ConfigureAwait(false); // throws only when the wait is over
                    turn = null;
                    catchUpDue = false;
                    T? caughtUp;
                    try
                    {
                        caughtUp = await wait.CheckInboxAsync(token).ConfigureAwait(false);
                    }
                    finally
                    {
                        catchUps.Release();
                    }

                    if (caughtUp is not null)
                    {
                        return caughtUp;
                    }

                    continue;
                }

                if (!polling)
                {
                    await hints.Reader.WaitToReadAsync(token).ConfigureAwait(false);
                    continue;
                }

                // The next poll after the backoff, never sooner than a server's Retry-After on the last failed check.
                var interval = RaviBackoff.Honour(backoff.Delay(polls), wait.TakeRetryAfter());
                if (await WaitForHintOrAsync(hints.Reader, t => Task.Delay(interval, time, t), token).ConfigureAwait(false))
                {
                    continue;
                }

                var polled = await wait.CheckInboxAsync(token).ConfigureAwait(false);
                if (polled is not null)
                {
                    return polled;
                }

                polls++;
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RaviWaitTimeoutException(awaited, since, options.Timeout);
        }
        finally
        {
            await GiveUpTurnAsync(turn, turnStop, catchUps).ConfigureAwait(false);
            await sseStop.CancelAsync().ConfigureAwait(false);
            await sse.ConfigureAwait(false);
        }
    }

    /// <summary>Leaves the line for a catch-up turn, giving the turn back if it was granted meanwhile.</summary>
    private static async Task GiveUpTurnAsync(Task? turn, CancellationTokenSource turnStop, SemaphoreSlim catchUps)
    {
        if (turn is null)
        {
            return;
        }

        await turnStop.CancelAsync().ConfigureAwait(false);
        try
        {
            await turn.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // left the line before it was granted
        }

        catchUps.Release();
    }

    /// <summary>Waits for the next hint (true) or until <paramref name="other"/> completes (false).</summary>
    /// <param name="reader">The hints.</param>
    /// <param name="other">Starts what to wait for besides; its token is cancelled once either is done.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    private static async Task<bool> WaitForHintOrAsync(ChannelReader<Hint> reader, Func<CancellationToken, Task> other, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hint = reader.WaitToReadAsync(race.Token).AsTask();
        var first = await Task.WhenAny(hint, other(race.Token)).ConfigureAwait(false);
        await race.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == hint && hint.IsCompletedSuccessfully;
    }

    /// <summary>
    /// Turns the event stream into hints: a catch-up poll on every connection that does not resume from an event id, and a
    /// conversation/thread per matching event.
    /// </summary>
    /// <remarks>
    /// One connection per wait: an event that carries an id closes the stream before the waiter reads the conversation (on
    /// a connection of its own, which then closes), and the stream resumes from that id (<c>Last-Event-ID</c>, so the
    /// server replays whatever came meanwhile) only if the message did not match. The waiter signals that through the
    /// hint's <see cref="Hint.Resume"/>. An event without an id cannot be resumed from, so the stream stays open while its
    /// conversation is read.
    /// </remarks>
    private async Task RunEventStreamAsync(OtpChannel channel, OtpWaitOptions options, RaviRequestOptions? requestOptions, ChannelWriter<Hint> hints, CancellationToken cancellationToken)
    {
        string? resumeFrom = null;
        try
        {
            while (true)
            {
                // A resumed stream needs no catch-up on its first connection: the server replays what came after the id.
                var catchUp = resumeFrom is null;
                var streamOptions = new RaviEventStreamOptions
                {
                    LastEventId = resumeFrom,

                    // Auto: give up on the stream quickly and poll instead. Sse: keep reconnecting until the wait times out.
                    MaxReconnectAttempts = options.Transport == OtpTransport.Auto ? 2 : Timeout.Infinite,
                    RequestOptions = requestOptions,
                    Connected = () =>
                    {
                        if (catchUp)
                        {
                            hints.TryWrite(new Hint(HintKind.PollAll));
                        }

                        catchUp = true; // a later reconnect of the same stream catches up again
                    },
                };

                string? pausedFor = null;
                await foreach (var e in _client.Events.StreamAsync(streamOptions, cancellationToken).ConfigureAwait(false))
                {
                    var container = e switch
                    {
                        SmsReceived sms when channel == OtpChannel.Sms && (sms.FromNumber is null || ContainsText(sms.FromNumber, options.FromContains)) =>
                            sms.ConversationId,
                        EmailReceived email when channel == OtpChannel.Email &&
                            (email.Subject is null || ContainsText(email.Subject, options.SubjectContains)) &&
                            (email.FromEmail is null || ContainsText(email.FromEmail, options.FromContains)) => email.ThreadId,
                        _ => null,
                    };
                    if (container is null)
                    {
                        continue;
                    }

                    if (e.Id is null)
                    {
                        hints.TryWrite(new Hint(HintKind.Container, container));
                        continue;
                    }

                    resumeFrom = e.Id;
                    pausedFor = container;
                    break; // leaving the enumeration closes the connection, before the waiter opens another
                }

                if (pausedFor is null)
                {
                    break;
                }

                var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                hints.TryWrite(new Hint(HintKind.Container, pausedFor, Resume: paused));
                await paused.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            hints.TryWrite(new Hint(HintKind.Fallback, Reason: "the event stream ended"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The wait is over.
        }
#pragma warning disable CA1031 // any stream failure means "use polling" (Auto) or is reported to the waiter (Sse)
        catch (Exception ex)
#pragma warning restore CA1031
        {
            hints.TryWrite(new Hint(HintKind.Fallback, Error: ex, Reason: $"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    /// <summary>What the waiter should look at next; <paramref name="Resume"/> is completed to reopen a stream paused for this hint.</summary>
    private readonly record struct Hint(HintKind Kind, string? ContainerId = null, Exception? Error = null, string? Reason = null, TaskCompletionSource? Resume = null);

    /// <summary>The state of one wait: where to look, what counts, and how to turn a message into the result.</summary>
    private sealed class Wait<T>(OtpClient owner, OtpChannel channel, OtpWaitOptions options, DateTimeOffset since, Func<OtpMessage, T?> match,
        RaviRequestOptions? requestOptions, ILogger logger)
        where T : class
    {
        /// <summary>
        /// The inbox as read next to the wait's event stream: every request closes its connection after the response, so
        /// that the stream's is the only connection the wait keeps and none is left idle in the pool when it ends.
        /// </summary>
        private readonly RaviScope _besideStream = new(owner._client.Scope.Pipeline, owner._client.Scope.Shared, owner._client.Scope.IdentityUuid) { CloseConnections = true };

        /// <summary>
        /// Whether the wait polls (no event stream): its requests then keep their connection for the next poll, the one
        /// connection such a wait uses.
        /// </summary>
        public bool Polling { get; set; }

        private SmsInboxClient SmsInbox => Polling ? owner._client.SmsInbox : new SmsInboxClient(_besideStream);

        private EmailInboxClient EmailInbox => Polling ? owner._client.EmailInbox : new EmailInboxClient(_besideStream);

        /// <summary>Checks every unread conversation or thread that changed within the window.</summary>
        public async Task<T?> CheckInboxAsync(CancellationToken cancellationToken)
        {
            List<string> ids;
            try
            {
                ids = channel == OtpChannel.Sms
                    ? await ListUnreadConversationsAsync(cancellationToken).ConfigureAwait(false)
                    : await ListUnreadThreadsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
            {
                LogTransient(ex);
                return null;
            }

            foreach (var id in ids)
            {
                var found = await CheckConversationAsync(id, cancellationToken).ConfigureAwait(false);
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>Reads one conversation or thread in full and returns the newest message in the window that matches.</summary>
        public async Task<T?> CheckConversationAsync(string id, CancellationToken cancellationToken)
        {
            if (!Internal.Guard.TryPathSegment(id, out _))
            {
                // Server data, not the caller's input: an id that cannot be one path segment is skipped, the wait goes on.
                OtpLog.SkippedBadId(logger, channel);
                return null;
            }

            IEnumerable<OtpMessage> messages;
            try
            {
                messages = channel == OtpChannel.Sms
                    ? await ReadConversationAsync(id, cancellationToken).ConfigureAwait(false)
                    : await ReadThreadAsync(id, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
            {
                LogTransient(ex);
                return null;
            }

            foreach (var message in messages
                .Where(m => (m.ReceivedAt is null || m.ReceivedAt >= since) && !owner.Consumed.Contains(channel, m.Id))
                .OrderByDescending(m => m.ReceivedAt ?? DateTimeOffset.MaxValue)
                .ThenByDescending(m => m.Id))
            {
                if (!ContainsText(message.From, options.FromContains) ||
                    !ContainsText(message.Subject, options.SubjectContains) ||
                    !ContainsText(message.Body, options.TextContains))
                {
                    continue;
                }

                var result = match(message);
                if (result is not null && owner.Consumed.TryClaim(channel, message.Id))
                {
                    OtpLog.Matched(logger, channel, message.Id);
                    return result;
                }
            }

            return null;
        }

        private TimeSpan? _retryAfter;

        /// <summary>The wait the server asked for on the last transient failure since the previous call, if any.</summary>
        public TimeSpan? TakeRetryAfter()
        {
            var retryAfter = _retryAfter;
            _retryAfter = null;
            return retryAfter;
        }

        private void LogTransient(Exception ex)
        {
            if (RaviRetryAfter.Of(ex) is { } asked)
            {
                _retryAfter = RaviBackoff.Honour(asked, _retryAfter);
            }

            OtpLog.TransientError(logger, ex);
        }

        private async Task<List<string>> ListUnreadConversationsAsync(CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            await foreach (var c in SmsInbox.ListConversationsAsync(unreadOnly: true, requestOptions, cancellationToken).ConfigureAwait(false))
            {
                if ((c.LatestMessageAt is null || c.LatestMessageAt >= since) && (c.FromNumber is null || ContainsText(c.FromNumber, options.FromContains)))
                {
                    ids.Add(c.ConversationId);
                }
            }

            return ids;
        }

        private async Task<List<string>> ListUnreadThreadsAsync(CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            await foreach (var t in EmailInbox.ListThreadsAsync(unreadOnly: true, requestOptions, cancellationToken).ConfigureAwait(false))
            {
                if (t.LatestMessageAt is null || t.LatestMessageAt >= since)
                {
                    ids.Add(t.ThreadId);
                }
            }

            return ids;
        }

        private async Task<IEnumerable<OtpMessage>> ReadConversationAsync(string id, CancellationToken cancellationToken)
        {
            var conversation = await SmsInbox.GetConversationAsync(id, requestOptions, cancellationToken).ConfigureAwait(false);
            return conversation.Messages
                .Where(m => !IsOutbound(m.Direction))
                .Select(m => new OtpMessage
                {
                    Channel = OtpChannel.Sms,
                    Id = m.Id,
                    ConversationId = conversation.ConversationId,
                    From = conversation.FromNumber,
                    Body = m.Body ?? string.Empty,
                    ReceivedAt = m.CreatedAt,
                });
        }

        private async Task<IEnumerable<OtpMessage>> ReadThreadAsync(string id, CancellationToken cancellationToken)
        {
            var thread = await EmailInbox.GetThreadAsync(id, requestOptions, cancellationToken).ConfigureAwait(false);
            return thread.Messages
                .Where(m => !IsOutbound(m.Direction))
                .Select(m => new OtpMessage
                {
                    Channel = OtpChannel.Email,
                    Id = m.Id,
                    ConversationId = thread.ThreadId,
                    From = m.FromEmail,
                    Subject = m.Subject ?? thread.Subject,
                    Body = !string.IsNullOrWhiteSpace(m.TextContent) ? m.TextContent : HtmlText.ToText(m.HtmlContent),
                    ReceivedAt = m.CreatedAt,
                    Email = m,
                });
        }
    }
}

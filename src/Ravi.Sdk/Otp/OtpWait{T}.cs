using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;
using Ravi.Sdk.Http;
using Ravi.Sdk.Resources;

namespace Ravi.Sdk.Otp;

/// <summary>
/// One OTP, email or link wait: the hints of its event stream (<see cref="OtpEventHints"/>), a catch-up poll per connection
/// in one of the client's few turns, the fallback to polling (with <see cref="OtpPollDelay"/>), the timeout, and the
/// consume-once claim of the message it returns.
/// </summary>
/// <typeparam name="T">What the wait returns.</typeparam>
/// <param name="setup">What the wait works with.</param>
/// <param name="criteria">What it accepts.</param>
/// <param name="match">Turns an accepted message into the result, or null when it does not carry one (no code, no link).</param>
/// <param name="requestOptions">The caller's request options, for every request of the wait.</param>
internal sealed class OtpWait<T>(OtpWaitSetup setup, OtpCriteria criteria, Func<OtpCriteria, OtpMessage, T?> match, RaviRequestOptions? requestOptions)
    where T : class
{
    /// <summary>Whether the wait polls (no event stream): its requests then keep their connection for the next poll.</summary>
    private bool _polling;

    private readonly OtpPollDelay _delays = new(criteria.Options);

    private OtpWaitOptions Options => criteria.Options;

    /// <summary>The inbox as the wait reads it now: pooled while polling, else closing each connection next to the stream.</summary>
    private IOtpMessageSource Source => _polling ? setup.Polled : setup.BesideStream;

    /// <summary>Runs the wait under its span and records its duration.</summary>
    /// <param name="operationName">The operation ("Otp.WaitForSmsCode"…).</param>
    /// <param name="setup">What the wait works with.</param>
    /// <param name="options">The validated copy of the caller's options.</param>
    /// <param name="what">What is awaited, for the timeout's message.</param>
    /// <param name="match">Turns an accepted message into the result.</param>
    /// <param name="requestOptions">The caller's request options.</param>
    /// <param name="callerToken">The caller's token.</param>
    public static async Task<T> RunAsync(string operationName, OtpWaitSetup setup, OtpWaitOptions options, string what, Func<OtpCriteria, OtpMessage, T?> match,
        RaviRequestOptions? requestOptions, CancellationToken callerToken)
    {
        using var call = RaviCallOptions.Link(requestOptions, callerToken);
        var cancellationToken = call.Token;
        using var telemetry = OtpWaitTelemetry.Start(operationName, setup.Channel, options.Transport, setup.Server, setup.Time);
        try
        {
            var wait = new OtpWait<T>(setup, new OtpCriteria(options, what, setup.Time.GetUtcNow()), match, requestOptions);
            var result = await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            telemetry.Found();
            return result;
        }
        catch (Exception ex)
        {
            telemetry.Failed(ex, cancellationToken);
            throw;
        }
    }

    /// <summary>The SDK's transient classifier, and a conversation or thread that vanished meanwhile (404).</summary>
    private static bool IsTransient(Exception ex) => ex is RaviNotFoundException || RaviRetryClassifier.IsTransient(ex);

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
    private static async Task<bool> WaitForHintOrAsync(ChannelReader<OtpHint> reader, Func<CancellationToken, Task> other, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hint = reader.WaitToReadAsync(race.Token).AsTask();
        var first = await Task.WhenAny(hint, other(race.Token)).ConfigureAwait(false);
        await race.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == hint && hint.IsCompletedSuccessfully;
    }

    private async Task<T> WaitAsync(CancellationToken cancellationToken)
    {
        var time = setup.Time;
        using var timeoutSource = new CancellationTokenSource(Options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var sseStop = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
        var token = linked.Token;
        var hints = Channel.CreateUnbounded<OtpHint>(new UnboundedChannelOptions { SingleReader = true });
        _polling = Options.Transport == OtpTransport.Polling;
        var sse = Task.CompletedTask;
        if (_polling)
        {
            hints.Writer.TryWrite(new OtpHint(OtpHintKind.PollAll));
        }
        else
        {
            sse = OtpEventHints.RunAsync(setup.Events, Source, criteria, requestOptions, hints.Writer, sseStop.Token);
        }

        var delays = _delays;

        // A catch-up poll next to the stream runs only in one of the client's few turns (a second connection each); until
        // the wait has its turn it goes on handling its stream's events.
        var catchUps = setup.CatchUps;
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
                        case OtpHintKind.Fallback when Options.Transport == OtpTransport.Sse:
                            throw new RaviException($"The event stream is unavailable ({hint.Reason}) and polling is disabled (OtpTransport.Sse).", hint.Error);
                        case OtpHintKind.Fallback:
                            if (!_polling)
                            {
                                _polling = true; // polling from now on, on the one connection the stream had
                                catchUpDue = false;
                                await GiveUpTurnAsync(turn, turnStop, catchUps).ConfigureAwait(false);
                                turn = null;
                                OtpLog.FallingBackToPolling(setup.Logger, hint.Reason ?? "the event stream failed");
                                RaviOperation.AddEvent("ravi.otp.polling", new TagList { { "ravi.otp.reason", hint.Error is { } e ? RaviOperation.ErrorType(e) : "stream_ended" } });
                                found = await CheckInboxAsync(token).ConfigureAwait(false);
                            }

                            break;
                        case OtpHintKind.PollAll when _polling:
                            found = await CheckInboxAsync(token).ConfigureAwait(false);
                            break;
                        case OtpHintKind.PollAll:
                            catchUpDue = true; // one poll, run after this hint, catches up for every connect so far
                            break;
                        case OtpHintKind.Container:
                            found = await CheckConversationAsync(hint.ContainerId!, token).ConfigureAwait(false);
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
                        caughtUp = await CheckInboxAsync(token).ConfigureAwait(false);
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

                if (!_polling)
                {
                    await hints.Reader.WaitToReadAsync(token).ConfigureAwait(false);
                    continue;
                }

                var interval = delays.Next();
                if (await WaitForHintOrAsync(hints.Reader, t => Task.Delay(interval, time, t), token).ConfigureAwait(false))
                {
                    continue;
                }

                var polled = await CheckInboxAsync(token).ConfigureAwait(false);
                if (polled is not null)
                {
                    return polled;
                }

                delays.Empty();
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RaviWaitTimeoutException(criteria.Awaited, criteria.Since, Options.Timeout);
        }
        finally
        {
            await GiveUpTurnAsync(turn, turnStop, catchUps).ConfigureAwait(false);
            await sseStop.CancelAsync().ConfigureAwait(false);
            await sse.ConfigureAwait(false);
        }
    }

    /// <summary>Checks every unread conversation or thread that changed within the window.</summary>
    private async Task<T?> CheckInboxAsync(CancellationToken cancellationToken)
    {
        List<string> ids;
        try
        {
            ids = await Source.ListUnreadAsync(criteria, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
        {
            _delays.Failed(ex);
            OtpLog.TransientError(setup.Logger, ex);
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
    private async Task<T?> CheckConversationAsync(string id, CancellationToken cancellationToken)
    {
        if (!Internal.Guard.TryPathSegment(id, out _))
        {
            // Server data, not the caller's input: an id that cannot be one path segment is skipped, the wait goes on.
            OtpLog.SkippedBadId(setup.Logger, setup.Channel);
            return null;
        }

        IEnumerable<OtpMessage> messages;
        try
        {
            messages = await Source.ReadAsync(id, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
        {
            _delays.Failed(ex);
            OtpLog.TransientError(setup.Logger, ex);
            return null;
        }

        foreach (var message in criteria.Candidates(messages, setup.Consumed))
        {
            var result = match(criteria, message);
            if (result is not null && setup.Consumed.TryClaim(setup.Channel, message.Id))
            {
                OtpLog.Matched(setup.Logger, setup.Channel, message.Id);
                return result;
            }
        }

        return null;
    }
}

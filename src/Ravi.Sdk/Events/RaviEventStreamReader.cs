using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Http;
using Ravi.Sdk.Internal;

namespace Ravi.Sdk.Events;

/// <summary>
/// Reads the event stream of one identity and keeps it going: reconnects on end of stream, network errors, retryable
/// statuses, silent connections and oversized events, resumes with <c>Last-Event-ID</c>, and yields every event once.
/// </summary>
/// <remarks>
/// <para>
/// Repeats: <see cref="EventIdTracker"/> decides, for each event that carries its own <c>id</c>, whether it repeats one
/// already yielded (the id rule in docs/events-and-otp.md). Events without an <c>id</c> field of their own are always
/// yielded.
/// </para>
/// <para>
/// Resume id (sent as <c>Last-Event-ID</c>): the id of the last event yielded that carried one, or of the last block with
/// only an <c>id</c> field (WHATWG: it moves the last event ID string). A skipped repeat does not move it, and an <c>id</c>
/// whose event was cut off by a dropped connection does not count, so that event is fetched again. After a counter
/// restart it follows the new counter (it may go down).
/// </para>
/// <para>
/// Errors: after <see cref="RaviEventStreamOptions.MaxReconnectAttempts"/> consecutive failed attempts the enumeration
/// throws the last API error (<see cref="RaviApiException"/>) as is, and anything else (no answer, silence, network
/// failure, oversized event) as <see cref="RaviConnectionException"/> naming the attempts.
/// </para>
/// </remarks>
internal sealed class RaviEventStreamReader
{
    public const string Path = "api/events/stream/";

    private const int MaxConsecutiveUnauthorized = 2;

    private static readonly MediaTypeWithQualityHeaderValue EventStreamAccept = new("text/event-stream");
    private static readonly CacheControlHeaderValue NoCache = new() { NoCache = true };

    private readonly RaviScope _scope;
    private readonly RaviEventStreamOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RaviBackoff _backoff;

    public RaviEventStreamReader(RaviScope scope, RaviEventStreamOptions options)
    {
        _scope = scope;
        _options = options;
        _backoff = new RaviBackoff(options.InitialReconnectDelay, options.MaxReconnectDelay);
        _timeProvider = scope.Pipeline.TimeProvider;
        _logger = scope.Pipeline.LoggerFactory.CreateLogger(Diagnostics.RaviLogCategories.Events);
    }

    private enum Outcome
    {
        Event,
        EndOfStream,
        Silent,
        Failed,
    }

    public async IAsyncEnumerable<RaviEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resumeId = string.IsNullOrEmpty(_options.LastEventId) ? null : _options.LastEventId;
        var tracker = new EventIdTracker(_options.DeduplicationWindow, resumeId);
        var keepAlive = _options.KeepAliveTimeout;
        var failures = 0;
        var unauthorized = 0;
        TimeSpan? serverRetry = null;

        // One span for the stream's lifetime (Ravi.Events.Stream): every connection runs under it, reconnects are its events.
        using var operation = Diagnostics.RaviOperation.Start("Events.Stream", _scope.Pipeline.BaseAddress);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            operation.Resume();
            var startId = resumeId;
            var productive = false;
            var outcome = Outcome.Failed;
            Exception? error;
            string reason;
            TimeSpan? retryAfter = null;

            // One CTS per connection: cancelled by the caller's token or by the keepalive timer (on the pipeline's clock).
            // Disposing the enumerator runs the finally blocks below, which close the connection at once.
            using (var connectionSource = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider))
            using (cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), connectionSource))
            {
                var connect = await ConnectAsync(resumeId, keepAlive, connectionSource, cancellationToken).ConfigureAwait(false);
                if (connect.Stop)
                {
                    EventsLog.Stopped(_logger);
                    yield break;
                }

                if (connect.Response is null)
                {
                    error = connect.Error;
                    reason = connect.Reason;
                    retryAfter = connect.RetryAfter;
                    unauthorized = connect.Unauthorized ? unauthorized + 1 : 0;
                    if (unauthorized > MaxConsecutiveUnauthorized)
                    {
                        operation.Fail(error!, cancellationToken);
                        ExceptionDispatchInfo.Throw(error!); // the token handler could not get a working token
                    }
                }
                else
                {
                    unauthorized = 0;
                    EventsLog.Connected(_logger, resumeId);
                    _options.Connected?.Invoke();
                    var parser = new SseEventParser(new ReadTimeoutStream(connect.Body!, keepAlive, connectionSource), resumeId, _options.MaxEventSize);
                    var firstOnConnection = true;
                    try
                    {
                        while (true)
                        {
                            (outcome, error) = await ReadNextAsync(parser, connectionSource, cancellationToken).ConfigureAwait(false);
                            resumeId = MoveToIdOnlyBlock(resumeId, parser);
                            if (outcome != Outcome.Event)
                            {
                                break;
                            }

                            var eventId = parser.Id;
                            if (parser.IdSetByEvent && eventId is not null)
                            {
                                var decision = tracker.Check(eventId, parser.EventType, parser.Data, firstOnConnection);
                                firstOnConnection = false;
                                if (decision == EventIdTracker.Decision.Repeat)
                                {
                                    EventsLog.SkippedDuplicate(_logger, eventId, resumeId);
                                    continue;
                                }

                                if (decision == EventIdTracker.Decision.Restart)
                                {
                                    EventsLog.CounterRestarted(_logger, eventId, resumeId);
                                }

                                resumeId = eventId;
                            }

                            productive = true;
                            yield return RaviEventFactory.Create(parser.EventType, parser.Data, eventId);
                        }
                    }
                    finally
                    {
                        serverRetry = parser.ReconnectionTime ?? serverRetry;
                        parser.Dispose();
                        connect.Body!.Dispose();
                        connect.Response.Dispose();
                    }

                    productive |= !string.Equals(startId, resumeId, StringComparison.Ordinal);
                    reason = outcome switch
                    {
                        Outcome.EndOfStream => "end of stream",
                        Outcome.Silent => $"no data for {keepAlive.TotalSeconds:0.###} s",
                        _ when error is SseEventTooLargeException => error.Message,
                        _ => $"read failed ({error?.GetType().Name})",
                    };
                    if (error is SseEventTooLargeException)
                    {
                        EventsLog.EventTooLarge(_logger, error.Message);
                    }

                    if (outcome == Outcome.Silent)
                    {
                        error = new TimeoutException($"The event stream sent no data for {keepAlive.TotalSeconds:0.###} s.");
                    }
                }
            }

            failures = productive ? 1 : failures + 1;
            if (_options.MaxReconnectAttempts is var max and not Timeout.Infinite && failures > max)
            {
                EventsLog.GaveUp(_logger, failures - 1);
                if (error is null)
                {
                    yield break; // the server ended the stream and reconnecting is not allowed
                }

                if (error is RaviApiException)
                {
                    operation.Fail(error, cancellationToken);
                    ExceptionDispatchInfo.Throw(error);
                }

                var gaveUp = GaveUp(failures, reason, error);
                operation.Fail(gaveUp, cancellationToken);
                throw gaveUp;
            }

            var delay = ComputeDelay(failures, productive, serverRetry, retryAfter);
            EventsLog.Reconnecting(_logger, (long)delay.TotalMilliseconds, failures, reason);
            Diagnostics.RaviStreamTelemetry.Reconnecting(_scope.Pipeline.BaseAddress, failures, delay, error);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The error that ends the enumeration after the last allowed attempt failed without an API error.</summary>
    private static RaviConnectionException GaveUp(int attempts, string reason, Exception cause) =>
        new(
            $"The event stream gave up after {attempts} {(attempts == 1 ? "attempt" : "attempts")} in a row failed " +
            $"(RaviEventStreamOptions.MaxReconnectAttempts); the last one: {reason}. Check the network or the server, then stream again.",
            attempts,
            cause);

    /// <summary>Moves the resume id to the id of a block that had only an <c>id</c> field, if the last read processed one.</summary>
    private static string? MoveToIdOnlyBlock(string? resumeId, SseEventParser parser) =>
        parser.IdOnlyBlockId is not { } id ? resumeId : id.Length == 0 ? null : id;

    /// <summary>
    /// The wait before the next connection: none after a connection that worked, else the SDK's backoff; never sooner than
    /// the server's <c>retry:</c> or <c>Retry-After</c> (the one rule of <see cref="RaviBackoff"/>); at most MaxReconnectDelay.
    /// </summary>
    private TimeSpan ComputeDelay(int failures, bool productive, TimeSpan? serverRetry, TimeSpan? retryAfter)
    {
        var delay = failures == 1 && productive
            ? TimeSpan.Zero // a connection that worked ended: resume at once
            : _backoff.Delay(failures);
        delay = RaviBackoff.Honour(RaviBackoff.Honour(delay, serverRetry), retryAfter);
        return delay > _options.MaxReconnectDelay ? _options.MaxReconnectDelay : delay;
    }

    private static async ValueTask<(Outcome Outcome, Exception? Error)> ReadNextAsync(SseEventParser parser, CancellationTokenSource connectionSource, CancellationToken cancellationToken)
    {
        try
        {
            return await parser.ReadNextAsync(connectionSource.Token).ConfigureAwait(false) ? (Outcome.Event, null) : (Outcome.EndOfStream, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && connectionSource.IsCancellationRequested)
        {
            return (Outcome.Silent, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
        {
            return (Outcome.Failed, ex);
        }
    }

    /// <summary>
    /// What the SDK's classifier calls transient (<see cref="RaviRetryClassifier.IsTransient"/>), and, for a stream, a body
    /// that was closed under the reader or an oversized event.
    /// </summary>
    private static bool IsTransient(Exception ex) =>
        RaviRetryClassifier.IsTransient(ex) || ex is ObjectDisposedException or SseEventTooLargeException;

    private async Task<ConnectResult> ConnectAsync(string? resumeId, TimeSpan keepAlive, CancellationTokenSource connectionSource, CancellationToken cancellationToken)
    {
        var request = _scope.Request(HttpMethod.Get, Path, IdentityScope.Required, _options.RequestOptions);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(EventStreamAccept);
        request.Headers.CacheControl = NoCache;
        if (resumeId is not null)
        {
            // WHATWG: the header value is the last event ID string encoded as UTF-8; skip validation so it is sent as is.
            request.Headers.TryAddWithoutValidation(RaviHeaders.LastEventId, resumeId);
        }

        request.Options.Set(RaviHeaders.Streaming, true);
        if (keepAlive != Timeout.InfiniteTimeSpan)
        {
            connectionSource.CancelAfter(keepAlive);
        }

        try
        {
            var response = await _scope.Pipeline.SendForResponseAsync(request, connectionSource.Token).ConfigureAwait(false);
            connectionSource.CancelAfter(Timeout.InfiniteTimeSpan);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                response.Dispose();
                return ConnectResult.NoContent;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                response.Dispose();
                throw new RaviException($"The event stream answered with Content-Type '{mediaType}' instead of text/event-stream.");
            }

            try
            {
                var body = await response.Content.ReadAsStreamAsync(connectionSource.Token).ConfigureAwait(false);
                return new ConnectResult(response, null, string.Empty) { Body = body };
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && connectionSource.IsCancellationRequested)
        {
            return new ConnectResult(null, ex, $"no response within {keepAlive.TotalSeconds:0.###} s");
        }
        catch (RaviApiException ex) when (IsRetryable(ex.StatusCode))
        {
            return new ConnectResult(null, ex, $"HTTP {(int)ex.StatusCode}")
            {
                RetryAfter = RaviRetryAfter.Of(ex),
                Unauthorized = ex.StatusCode == HttpStatusCode.Unauthorized,
            };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransient(ex))
        {
            return new ConnectResult(null, ex, $"connection failed ({ex.GetType().Name})");
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary>A transient status, or 401 (the token handler could not renew; tried again a bounded number of times).</summary>
    private static bool IsRetryable(HttpStatusCode status) =>
        status == HttpStatusCode.Unauthorized || RaviRetryClassifier.IsTransientStatus((int)status);

    private sealed record ConnectResult(HttpResponseMessage? Response, Exception? Error, string Reason)
    {
        public static readonly ConnectResult NoContent = new(null, null, "204") { Stop = true };

        public bool Stop { get; init; }

        public Stream? Body { get; init; }

        public bool Unauthorized { get; init; }

        public TimeSpan? RetryAfter { get; init; }
    }
}

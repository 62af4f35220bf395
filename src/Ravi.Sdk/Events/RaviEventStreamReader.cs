using System.Globalization;
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
/// statuses and silent connections, resumes with <c>Last-Event-ID</c>, and never yields an id twice.
/// </summary>
/// <remarks>
/// <para>
/// Resume id: the WHATWG "last event ID string" of the last connection — the <c>id</c> value in force at the last blank
/// line the parser processed (dispatch step). An <c>id</c> whose event was cut off by a dropped connection does not
/// count, so the event is fetched again. It never moves backwards for numeric ids (a replayed, skipped event does not
/// rewind it).
/// </para>
/// <para>
/// Duplicates: an event whose own block carries an <c>id</c> that is not after the resume id (numerically when both are
/// integers, else equal) is skipped. Events without an <c>id</c> field of their own are always yielded.
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

    public RaviEventStreamReader(RaviScope scope, RaviEventStreamOptions options)
    {
        _scope = scope;
        _options = options;
        _timeProvider = scope.Pipeline.TimeProvider;
        _logger = scope.Pipeline.LoggerFactory.CreateLogger("Ravi.Sdk.Events");
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
        var keepAlive = _options.KeepAliveTimeout;
        var failures = 0;
        var unauthorized = 0;
        TimeSpan? serverRetry = null;

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
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
                        ExceptionDispatchInfo.Throw(error!); // the token handler could not get a working token
                    }
                }
                else
                {
                    unauthorized = 0;
                    EventsLog.Connected(_logger, resumeId);
                    _options.Connected?.Invoke();
                    var parser = new SseEventParser(new ReadTimeoutStream(connect.Body!, keepAlive, connectionSource), resumeId);
                    try
                    {
                        while (true)
                        {
                            (outcome, error) = await ReadNextAsync(parser, connectionSource, cancellationToken).ConfigureAwait(false);
                            if (outcome != Outcome.Event)
                            {
                                break;
                            }

                            productive = true;
                            var eventId = parser.Id;
                            if (parser.IdSetByEvent && eventId is not null && resumeId is not null && !IsAfter(eventId, resumeId))
                            {
                                EventsLog.SkippedDuplicate(_logger, eventId, resumeId);
                                continue;
                            }

                            resumeId = Advance(resumeId, parser.LastEventId);
                            yield return RaviEventFactory.Create(parser.EventType, parser.Data, eventId);
                        }
                    }
                    finally
                    {
                        // Blank lines that dispatched nothing (id-only blocks) move the resume id too.
                        resumeId = Advance(resumeId, parser.LastEventId);
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
                        _ => $"read failed ({error?.GetType().Name})",
                    };
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

                ExceptionDispatchInfo.Throw(error);
            }

            var delay = ComputeDelay(failures, productive, serverRetry, retryAfter);
            EventsLog.Reconnecting(_logger, (long)delay.TotalMilliseconds, failures, reason);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether <paramref name="id"/> comes after <paramref name="last"/> (numerically when both are integers, else when different).</summary>
    internal static bool IsAfter(string id, string last)
    {
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var a) &&
            long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
        {
            return a > b;
        }

        return !string.Equals(id, last, StringComparison.Ordinal);
    }

    /// <summary>Moves the resume id to <paramref name="candidate"/> (the parser's last event ID string) unless that would move a numeric id backwards.</summary>
    internal static string? Advance(string? current, string candidate)
    {
        if (candidate.Length == 0)
        {
            // Empty: either there never was an id, or the server reset it ("id:" then a blank line), after which the
            // spec sends no Last-Event-ID.
            return null;
        }

        return current is null || IsAfter(candidate, current) ? candidate : current;
    }

    private TimeSpan ComputeDelay(int failures, bool productive, TimeSpan? serverRetry, TimeSpan? retryAfter)
    {
        TimeSpan delay;
        if (failures == 1 && productive)
        {
            delay = TimeSpan.Zero; // a connection that worked ended: resume at once
        }
        else
        {
            var exponent = Math.Min(failures - 1, 20);
            var backoff = _options.InitialReconnectDelay.TotalMilliseconds * Math.Pow(2, exponent);
            backoff = Math.Min(backoff, _options.MaxReconnectDelay.TotalMilliseconds);
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
            delay = TimeSpan.FromMilliseconds(backoff * (0.5 + (Random.Shared.NextDouble() * 0.5)));
#pragma warning restore CA5394
        }

        if (serverRetry is { } retry && retry > delay)
        {
            delay = retry;
        }

        if (retryAfter is { } after && after > delay)
        {
            delay = after;
        }

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

    /// <summary>Network failures, and cancellations that are not the caller's (e.g. a caller's HttpClient.Timeout).</summary>
    private static bool IsTransient(Exception ex) =>
        ex is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException;

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
                RetryAfter = ex.RetryAfter,
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

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private sealed record ConnectResult(HttpResponseMessage? Response, Exception? Error, string Reason)
    {
        public static readonly ConnectResult NoContent = new(null, null, "204") { Stop = true };

        public bool Stop { get; init; }

        public Stream? Body { get; init; }

        public bool Unauthorized { get; init; }

        public TimeSpan? RetryAfter { get; init; }
    }
}

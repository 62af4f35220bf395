using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Ravi.Sdk.Diagnostics;

namespace Ravi.Sdk.Http;

/// <summary>
/// The outermost SDK handler: the optional client-side send limiter, then one Polly v8 resilience strategy built per client —
/// overall timeout → retry (the SDK's <see cref="RaviBackoff"/>, honouring <c>retry_after_seconds</c>/<c>Retry-After</c>) →
/// per-attempt timeout → the attempt. GET/PUT/DELETE/HEAD/OPTIONS (and POSTs marked <see cref="RaviHeaders.IdempotentPost"/>)
/// are retried on transport errors, attempt timeouts, 408, 429, 500, 502, 503 and 504; other POSTs only on 429 and on
/// connection failures before sending. Requests marked <see cref="RaviHeaders.Streaming"/> skip the strategy (one attempt,
/// no timeouts: the event stream has its own silence timeout).
/// </summary>
/// <remarks>
/// The caller's request is a template that is never sent: each attempt, and each redirect hop within it, sends a fresh
/// clone (<see cref="RaviRequestCloner"/>) through the rest of the chain (auth, logging, body buffering, origin guard), so
/// a redirect the <see cref="RaviRedirectPolicy"/> allows is authenticated anew and one it refuses ends the call before
/// anything goes to its target. All waits use the client's <see cref="TimeProvider"/>. The caller's cancellation surfaces
/// as <see cref="OperationCanceledException"/> at once, a timeout as <see cref="RaviRequestTimeoutException"/>, a transport
/// failure as <see cref="RaviConnectionException"/>, each naming the number of attempts.
/// </remarks>
internal sealed class RaviResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("Ravi.Sdk.CallState");
    private static readonly TimeSpan MaxPollyDelay = TimeSpan.FromDays(1);

    private readonly ResiliencePipeline<HttpResponseMessage> _strategy;
    private readonly RaviSendLimiter? _limiter;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _overallTimeout;
    private readonly TimeSpan _maxRetryDelay;
    private readonly int _maxRetries;
    private readonly RaviRedirectPolicy _redirects;

    public RaviResilienceHandler(RaviHandlerSettings settings)
    {
        _redirects = new RaviRedirectPolicy(settings.BaseAddress);
        var options = settings.Settings;
        _timeProvider = settings.TimeProvider;
        _logger = settings.LoggerFactory.CreateLogger(RaviLogCategories.Http);
        _attemptTimeout = options.AttemptTimeout;
        _overallTimeout = options.OverallTimeout;
        _maxRetryDelay = options.MaxRetryDelay;
        _maxRetries = options.MaxRetries;
        _limiter = options.EnableSendLimiter ? new RaviSendLimiter(_timeProvider) : null;
        _strategy = BuildStrategy(options);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await RaviReplayableContent.EnsureAsync(request, cancellationToken).ConfigureAwait(false); // every attempt and hop resends it
        if (request.Options.TryGetValue(RaviHeaders.Streaming, out var streaming) && streaming)
        {
            return await SendFollowingRedirectsAsync(request, cancellationToken).ConfigureAwait(false);
        }

        RaviSendLimiter.Lease? lease = null;
        if (_limiter is not null && RaviSendLimiter.IsSend(request))
        {
            var identity = RaviSendLimiter.IdentityOf(request);
            try
            {
                lease = _limiter.Acquire(identity);
            }
            catch (RaviRateLimitException ex)
            {
                RaviHttpLog.SendLimited(_logger, identity, ex.RetryAfter?.TotalSeconds ?? 0);
                throw;
            }
        }

        var idempotent = RaviRetryClassifier.IsIdempotent(request);
        var overall = RaviCallOptions.OverallTimeout(request, _overallTimeout); // a call's RaviRequestOptions win over the client's
        var state = new CallState(this, request, idempotent,
            overall == Timeout.InfiniteTimeSpan ? null : _timeProvider.GetUtcNow() + overall, cancellationToken)
        {
            OverallTimeout = overall,
            AttemptTimeout = RaviCallOptions.AttemptTimeout(request, _attemptTimeout),
        };
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            var response = await _strategy.ExecuteAsync(
                static (ctx, st) => st.Handler.SendAttemptAsync(st, ctx.CancellationToken),
                context,
                state).ConfigureAwait(false);
            RaviAttempts.Record(response, state.Attempts);
            if (lease is { } taken && (int)response.StatusCode is >= 400 and < 500)
            {
                _limiter!.Release(taken); // refused by the server: nothing was sent
            }

            return response;
        }
        catch (TimeoutRejectedException) when (!cancellationToken.IsCancellationRequested)
        {
            var kind = state.TimedOut ?? RaviTimeoutKind.Attempt;
            var timeout = kind == RaviTimeoutKind.Attempt ? state.AttemptTimeout : state.OverallTimeout;
            RaviHttpLog.TimedOut(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, kind, timeout.TotalMilliseconds);
            throw new RaviRequestTimeoutException(kind, timeout, RaviOrigin.Operation(request), state.Attempts);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
                                   (RaviRetryClassifier.IsTransportFailure(ex) || ex is OperationCanceledException))
        {
            var beforeSending = ex is HttpRequestException http && RaviRetryClassifier.FailedBeforeSending(http);
            if (lease is { } taken && beforeSending)
            {
                _limiter!.Release(taken);
            }

            throw RaviConnectionErrors.Create(request, ex, state.Attempts, mayHaveBeenProcessed: !idempotent && !beforeSending);
        }
        catch (RaviApiException ex) when (lease is { } taken && (int)ex.StatusCode is >= 400 and < 500)
        {
            _limiter!.Release(taken); // e.g. the token was rejected: nothing was sent
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ValueTask<HttpResponseMessage> SendAttemptAsync(CallState state, CancellationToken cancellationToken)
    {
        state.Attempts++;
        return SendFollowingRedirectsAsync(state.Request, cancellationToken);
    }

    /// <summary>One attempt: a fresh clone of the template down the chain, then one per redirect the policy allows.</summary>
    private async ValueTask<HttpResponseMessage> SendFollowingRedirectsAsync(HttpRequestMessage template, CancellationToken cancellationToken)
    {
        Uri? target = null;
        for (var hops = 0; ; hops++)
        {
            var message = RaviRequestCloner.Clone(template, target);
            var response = await base.SendAsync(message, cancellationToken).ConfigureAwait(false);
            response.RequestMessage ??= message;
            if (!RaviRedirectPolicy.IsRedirect(response))
            {
                return response;
            }

            try
            {
                target = _redirects.Follow(message, response, hops);
            }
            finally
            {
                response.Dispose();
            }
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildStrategy(RaviClientSettings options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider, Name = "Ravi.Sdk" };

        // The timeouts are read per call (the client's, or the call's RaviRequestOptions); Polly applies none for
        // Timeout.InfiniteTimeSpan.
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = static args => new ValueTask<TimeSpan>(args.Context.Properties.GetValue(StateKey, null!).OverallTimeout),
            OnTimeout = static args => MarkTimeout(args.Context, RaviTimeoutKind.Overall),
        });

        if (options.MaxRetries > 0)
        {
            // Polly runs the retries; the waits come from the SDK's one backoff (also used by event-stream reconnects and
            // the OTP and device-flow polling), replaced by the server's Retry-After when it gave one.
            var backoff = new RaviBackoff(Clamp(options.RetryBaseDelay), Clamp(options.MaxRetryDelay));
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                MaxDelay = Clamp(options.MaxRetryDelay),
                ShouldHandle = static args => args.Context.Properties.GetValue(StateKey, null!).Handler.ShouldRetryAsync(args),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Context.Properties.GetValue(StateKey, null!).RetryAfter ?? backoff.Delay(args.AttemptNumber + 1)),
                OnRetry = static args => args.Context.Properties.GetValue(StateKey, null!).Handler.OnRetry(args),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = static args => new ValueTask<TimeSpan>(args.Context.Properties.GetValue(StateKey, null!).AttemptTimeout),
            OnTimeout = static args => MarkTimeout(args.Context, RaviTimeoutKind.Attempt),
        });

        return builder.Build();
    }

    private static ValueTask MarkTimeout(ResilienceContext context, RaviTimeoutKind kind)
    {
        if (context.Properties.TryGetValue(StateKey, out var state))
        {
            state.TimedOut = kind;
        }

        return ValueTask.CompletedTask;
    }

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value > MaxPollyDelay ? MaxPollyDelay : value;

    private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var state = args.Context.Properties.GetValue(StateKey, null!);
        state.RetryAfter = null;
        state.Reason = null;
        if (state.UserToken.IsCancellationRequested)
        {
            return false;
        }

        var request = state.Request;
        if (!RaviStreamContent.CanResendBody(request))
        {
            return Decide(state, false, "the upload stream cannot seek, so it is sent once");
        }

        if (args.Outcome.Exception is { } exception)
        {
            var (retry, reason) = Classify(exception, state.Idempotent);
            return Decide(state, retry, reason);
        }

        var response = args.Outcome.Result!;
        var status = (int)response.StatusCode;
        if (!RaviRetryClassifier.IsTransientStatus(status))
        {
            return false;
        }

        if (status != 429 && !state.Idempotent)
        {
            return Decide(state, false, $"{status} on {request.Method.Method} is not retried: the server may already have processed it");
        }

        var retryAfter = await RaviRetryAfter.ReadAsync(response, _timeProvider, args.Context.CancellationToken).ConfigureAwait(false);
        if (retryAfter is { } wait)
        {
            if (wait > _maxRetryDelay)
            {
                return Decide(state, false, $"{status}: the server asked to wait {wait.TotalSeconds:0.###} s, longer than MaxRetryDelay");
            }

            if (state.Deadline is { } deadline && _timeProvider.GetUtcNow() + wait >= deadline)
            {
                return Decide(state, false, $"{status}: waiting {wait.TotalSeconds:0.###} s would pass the overall timeout");
            }

            state.RetryAfter = wait;
            return Decide(state, true, $"{status}, server asked to wait {wait.TotalSeconds:0.###} s");
        }

        return Decide(state, true, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (bool Retry, string? Reason) Classify(Exception exception, bool idempotent) => exception switch
    {
        TimeoutRejectedException => idempotent
            ? (true, "attempt timeout")
            : (false, "the attempt timed out after the request may have been sent"),
        HttpRequestException http when idempotent => (true, $"transport error ({http.HttpRequestError})"),
        HttpRequestException http when RaviRetryClassifier.FailedBeforeSending(http) => (true, $"connection failed before sending ({http.HttpRequestError})"),
        HttpRequestException http => (false, $"transport error ({http.HttpRequestError}) after the request may have been sent"),
        InvalidDataException => idempotent ? (true, "corrupt compressed body") : (false, "corrupt compressed body after the request was sent"),
        IOException => idempotent ? (true, "I/O error") : (false, "I/O error after the request may have been sent"),
        OperationCanceledException => idempotent ? (true, "transport timeout") : (false, "transport timeout after the request may have been sent"),
        _ => (false, null),
    };

    private bool Decide(CallState state, bool retry, string? reason)
    {
        state.Reason = reason;
        if (!retry && reason is not null && _logger.IsEnabled(LogLevel.Debug))
        {
            RaviHttpLog.NotRetrying(_logger, state.Request.Method.Method, state.Request.RequestUri?.AbsolutePath, reason);
        }

        return retry;
    }

    private ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var state = args.Context.Properties.GetValue(StateKey, null!);
        RecordRetry(state.Request, args.AttemptNumber + 1, args.RetryDelay, args.Outcome);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            RaviHttpLog.Retrying(_logger, state.Request.Method.Method, state.Request.RequestUri?.AbsolutePath,
                args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, _maxRetries, state.Reason ?? "transient failure");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Counts the retry in <see cref="RaviMetrics.Retries"/> (method, host, port, <c>error.type</c> of the attempt that
    /// failed) and adds a <c>ravi.retry</c> event to the operation span.
    /// </summary>
    private static void RecordRetry(HttpRequestMessage request, int retry, TimeSpan delay, Outcome<HttpResponseMessage> outcome)
    {
        var errorType = outcome.Exception is { } ex
            ? (ex is TimeoutRejectedException ? "timeout" : RaviAttemptTelemetry.ErrorType(ex))
            : ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var uri = request.RequestUri;
        if (RaviMetrics.Retries.Enabled)
        {
            RaviMetrics.Retries.Add(1, new TagList
            {
                { "http.request.method", request.Method.Method },
                { "server.address", uri?.Host },
                { "server.port", uri?.Port },
                { "error.type", errorType },
            });
        }

        RaviOperation.AddEvent("ravi.retry", new TagList
        {
            { "ravi.retry.attempt", retry },
            { "ravi.retry.delay_ms", (long)delay.TotalMilliseconds },
            { "error.type", errorType },
        });
    }

    /// <summary>Per-call state shared by the strategy's callbacks (through the pooled <see cref="ResilienceContext"/>).</summary>
    private sealed class CallState
    {
        public CallState(RaviResilienceHandler handler, HttpRequestMessage request, bool idempotent, DateTimeOffset? deadline, CancellationToken userToken)
        {
            Handler = handler;
            Request = request;
            Idempotent = idempotent;
            UserToken = userToken;
            Deadline = deadline;
        }

        public RaviResilienceHandler Handler { get; }

        public HttpRequestMessage Request { get; }

        public bool Idempotent { get; }

        public CancellationToken UserToken { get; }

        public DateTimeOffset? Deadline { get; }

        public TimeSpan? RetryAfter { get; set; }

        public string? Reason { get; set; }

        public RaviTimeoutKind? TimedOut { get; set; }

        /// <summary>This call's overall timeout (its <see cref="RaviRequestOptions"/>, else the client's).</summary>
        public TimeSpan OverallTimeout { get; init; }

        /// <summary>This call's attempt timeout (its <see cref="RaviRequestOptions"/>, else the client's).</summary>
        public TimeSpan AttemptTimeout { get; init; }

        /// <summary>How many attempts the strategy started (redirect hops within one attempt do not count).</summary>
        public int Attempts { get; set; }
    }
}

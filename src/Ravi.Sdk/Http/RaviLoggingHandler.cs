using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Ravi.Sdk.Diagnostics;

namespace Ravi.Sdk.Http;

/// <summary>
/// The innermost SDK handler: logs every wire attempt (including token refreshes) with method, path (no query string),
/// status and duration, and records it in <see cref="RaviMetrics.RequestDuration"/> (see <see cref="RaviAttemptTelemetry"/>).
/// It starts no span: each attempt is System.Net.Http's own <c>System.Net.Http</c> span, beneath the operation's.
/// Never logs headers or bodies.
/// </summary>
internal sealed class RaviLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public RaviLoggingHandler(ILogger logger) => _logger = logger;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var log = _logger.IsEnabled(LogLevel.Debug);
        var metric = RaviMetrics.RequestDuration.Enabled;
        return log || metric
            ? SendRecordedAsync(request, log, metric, cancellationToken)
            : base.SendAsync(request, cancellationToken); // nothing to record: no async frame of its own
    }

    private async Task<HttpResponseMessage> SendRecordedAsync(HttpRequestMessage request, bool log, bool metric, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath;
        if (log)
        {
            RaviHttpLog.RequestStarting(_logger, method, path);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            if (metric)
            {
                RaviAttemptTelemetry.Record(request, elapsed, status, null);
            }

            if (log)
            {
                RaviHttpLog.RequestFinished(_logger, method, path, status, elapsed.TotalMilliseconds);
            }

            return response;
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var errorType = ex.GetType().Name;
            var requestError = ex is HttpRequestException hre ? hre.HttpRequestError.ToString() : null;
            if (metric && !cancellationToken.IsCancellationRequested)
            {
                RaviAttemptTelemetry.Record(request, elapsed, null, ex);
            }

            if (log)
            {
                RaviHttpLog.RequestFailed(_logger, method, path, elapsed.TotalMilliseconds, errorType, requestError);
            }

            throw;
        }
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>
/// The innermost SDK handler: logs every wire attempt (including token refreshes) with method, path (no query string),
/// status and duration, and reports it as an <see cref="Activity"/> and a duration metric (see <see cref="RaviDiagnostics"/>).
/// Never logs headers or bodies.
/// </summary>
internal sealed class RaviLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public RaviLoggingHandler(ILogger logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var log = _logger.IsEnabled(LogLevel.Debug);
        var metric = RaviDiagnostics.RequestDuration.Enabled;
        if (!log && !metric && !RaviDiagnostics.ActivitySource.HasListeners())
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath;
        using var activity = RaviDiagnostics.ActivitySource.StartActivity("Ravi " + method, ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.path", path);
        activity?.SetTag("server.address", request.RequestUri?.Host);
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
            activity?.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            if (metric)
            {
                RaviDiagnostics.RequestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("http.response.status_code", status));
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
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            activity?.SetTag("error.type", requestError ?? errorType);
            if (metric)
            {
                RaviDiagnostics.RequestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("error.type", requestError ?? errorType));
            }

            if (log)
            {
                RaviHttpLog.RequestFailed(_logger, method, path, elapsed.TotalMilliseconds, errorType, requestError);
            }

            throw;
        }
    }
}

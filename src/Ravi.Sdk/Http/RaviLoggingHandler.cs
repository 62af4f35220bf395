using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ravi.Sdk.Http;

/// <summary>
/// The innermost SDK handler: logs every wire attempt (including token refreshes) with method, path (no query string),
/// status and duration. Never logs headers or bodies.
/// </summary>
internal sealed class RaviLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public RaviLoggingHandler(ILogger logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath;
        RaviHttpLog.RequestStarting(_logger, method, path);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            RaviHttpLog.RequestFinished(_logger, method, path, (int)response.StatusCode, elapsed);
            return response;
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var errorType = ex.GetType().Name;
            var requestError = ex is HttpRequestException hre ? hre.HttpRequestError.ToString() : null;
            RaviHttpLog.RequestFailed(_logger, method, path, elapsed, errorType, requestError);
            throw;
        }
    }
}

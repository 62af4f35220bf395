using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ravi.Sdk.HealthChecks;

/// <summary>
/// Checks one registered <see cref="RaviClient"/> with <c>GET /api/auth/user/</c>: the API answers (reachability) and
/// accepts the client's credentials, with nothing sent, created or consumed. The client's own retries and token refresh
/// apply, all of it inside <see cref="Timeout"/>. Healthy when the call succeeds; Degraded when the API rate-limits the
/// client (429: up, but not serving it now); the registration's failure status (Unhealthy by default) otherwise.
/// Descriptions and data hold the API's origin, status codes and error types: never a token or a response body.
/// </summary>
internal sealed class RaviHealthCheck : IHealthCheck
{
    private readonly IRaviClientFactory? _clients;
    private readonly IOptionsMonitor<RaviClientOptions>? _options;
    private readonly string _clientName;

    /// <summary>Creates the check; <paramref name="clients"/> is null when <c>AddRavi</c> was never called (the check then says so).</summary>
    public RaviHealthCheck(IRaviClientFactory? clients, IOptionsMonitor<RaviClientOptions>? options, string clientName, TimeSpan timeout)
    {
        _clients = clients;
        _options = options;
        _clientName = clientName;
        Timeout = timeout;
    }

    /// <summary>The most the check waits for the API, retries included.</summary>
    public TimeSpan Timeout { get; }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration.FailureStatus;
        RaviClient client;
        try
        {
            client = _clients?.CreateClient(_clientName) ?? throw new InvalidOperationException("IRaviClientFactory is not registered.");
        }
        catch (InvalidOperationException ex)
        {
            return new HealthCheckResult(failure, $"No Ravi client is registered{ForClient()}: call services.AddRavi({NameArgument()}…) as well.", ex, Data(null));
        }

        var options = _options?.Get(_clientName) ?? new RaviClientOptions();
        var origin = Origin(options.BaseAddress);
        using var timeout = new CancellationTokenSource(Timeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.Auth.GetCurrentUserAsync(cancellationToken: linked.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The Ravi API at {origin} answered and accepted the credentials.", Data(origin));
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(failure, $"The Ravi API at {origin} did not answer within {Seconds(Timeout)} s.", ex, Data(origin, ex));
        }
        catch (RaviRateLimitException ex)
        {
            var retry = ex.RetryAfter is { } after ? $"; retry after {Seconds(after)} s" : "";
            return HealthCheckResult.Degraded($"The Ravi API at {origin} is reachable but rate-limits this client (429){retry}.", ex, Data(origin, ex));
        }
        catch (RaviAuthenticationException ex)
        {
            return new HealthCheckResult(failure, $"The Ravi API at {origin} rejected the credentials ({Status(ex)}): sign in again (`ravi login`) or configure a valid access token or API key.", ex, Data(origin, ex));
        }
        catch (RaviForbiddenException ex)
        {
            return new HealthCheckResult(failure, $"The Ravi API at {origin} refused these credentials access to the account ({Status(ex)}).", ex, Data(origin, ex));
        }
        catch (RaviApiException ex)
        {
            return new HealthCheckResult(failure, $"The Ravi API at {origin} answered {Status(ex)} after {ex.Attempts} attempt(s).", ex, Data(origin, ex));
        }
        catch (RaviException ex)
        {
            // Transport failures (RaviConnectionException), attempt and overall timeouts, refused redirects, …: the SDK's
            // messages name what happened and never hold credentials.
            return new HealthCheckResult(failure, $"The Ravi API at {origin} could not be reached: {ex.Message}", ex, Data(origin, ex));
        }
    }

    private string ForClient() => _clientName.Length == 0 ? "" : $" under the name '{_clientName}'";

    private string NameArgument() => _clientName.Length == 0 ? "" : $"\"{_clientName}\", ";

    private Dictionary<string, object> Data(string? origin, Exception? error = null)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (_clientName.Length != 0)
        {
            data["client"] = _clientName;
        }

        if (origin is not null)
        {
            data["base_address"] = origin;
        }

        if (error is RaviApiException api)
        {
            data["status_code"] = (int)api.StatusCode;
            if (api.RetryAfter is { } after)
            {
                data["retry_after_seconds"] = Math.Ceiling(after.TotalSeconds);
            }
        }

        if (error is not null)
        {
            data["error_type"] = error.GetType().Name;
        }

        return data;
    }

    /// <summary>Scheme, host and port only: no user info, path or query.</summary>
    private static string Origin(Uri baseAddress) => baseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    private static string Status(RaviApiException ex) => ((int)ex.StatusCode).ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

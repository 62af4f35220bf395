using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Ravi.Sdk;
using Ravi.Sdk.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Ravi health check: <c>services.AddHealthChecks().AddRavi()</c>.</summary>
public static class RaviHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check for the default client (<c>"ravi"</c>); a named client's is <c>"ravi:NAME"</c>.</summary>
    public const string DefaultName = "ravi";

    /// <summary>The default <c>timeout</c> of <see cref="AddRavi"/>: 10 seconds, retries included.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Adds a health check for a <see cref="RaviClient"/> registered with <c>services.AddRavi(…)</c>: one
    /// <c>GET /api/auth/user/</c> (never a send) proves that the API is reachable and accepts the client's credentials.
    /// Healthy when it succeeds; <see cref="HealthStatus.Degraded"/> when the API rate-limits the client (429);
    /// <paramref name="failureStatus"/> when the credentials are rejected (401/403), the API fails or cannot be reached, or
    /// no answer comes within <paramref name="timeout"/>. Each run of the check makes one call (plus the client's own
    /// retries and token refresh): give health endpoints a sensible polling interval.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The name given to <c>AddRavi(name, …)</c>; <see langword="null"/> for the default client.</param>
    /// <param name="name">The check's name; <c>"ravi"</c> (or <c>"ravi:CLIENTNAME"</c>) when <see langword="null"/>.</param>
    /// <param name="failureStatus">The status reported on failure; <see cref="HealthStatus.Unhealthy"/> when <see langword="null"/>.</param>
    /// <param name="tags">Tags to filter checks by (e.g. <c>"ready"</c>).</param>
    /// <param name="timeout">The most the check waits for the API, retries included; <see cref="DefaultTimeout"/> when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero or negative.</exception>
    public static IHealthChecksBuilder AddRavi(
        this IHealthChecksBuilder builder,
        string? clientName = null,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var effectiveTimeout = timeout ?? DefaultTimeout;
        if (effectiveTimeout <= TimeSpan.Zero && effectiveTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The health check timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        var client = clientName ?? Options.Options.DefaultName;
        var checkName = name ?? (client.Length == 0 ? DefaultName : DefaultName + ":" + client);
        return builder.Add(new HealthCheckRegistration(
            checkName,
            sp => new RaviHealthCheck(sp.GetService<IRaviClientFactory>(), sp.GetService<IOptionsMonitor<RaviClientOptions>>(), client, effectiveTimeout),
            failureStatus,
            tags));
    }
}

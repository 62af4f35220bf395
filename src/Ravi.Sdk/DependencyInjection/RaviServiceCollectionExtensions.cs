using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ravi.Sdk;
using Ravi.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Ravi clients in a service collection.</summary>
public static class RaviServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="RaviClient"/> (a singleton), its options (validated at startup) and a named
    /// <see cref="HttpClient"/> through <see cref="IHttpClientFactory"/>. Startup fails when the options name no credential
    /// source (no <c>AccessToken</c>, <c>RefreshToken</c> or <c>Credential</c>, and <c>UseCliConfiguration</c> off); with the
    /// CLI configuration on, the host starts before <c>ravi login</c> has written its files and signs in once they exist.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>
    /// The HTTP client builder, to add your own handlers: they run under the SDK's auth and retry handlers, once per wire
    /// attempt. Do not add retrying or hedging handlers (e.g. <c>AddStandardResilienceHandler</c>): the SDK retries by itself,
    /// and a replay of a request that may have been processed (an email send) is refused with a <see cref="RaviException"/>.
    /// The builder starts with the SDK's transport (automatic redirects off) and without the factory's default logging.
    /// </returns>
    public static IHttpClientBuilder AddRavi(this IServiceCollection services, Action<RaviClientOptions> configure) =>
        AddRavi(services, Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers the default <see cref="RaviClient"/> with options bound from a configuration section (e.g. <c>"Ravi"</c>).
    /// The options follow the configuration's reloads: a rotated <c>AccessToken</c>/<c>RefreshToken</c> is used from the next
    /// call on; the other settings apply after a restart (a warning is logged when they change).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <c>BaseAddress</c>, <c>IdentityUuid</c>, <c>MaxRetries</c>…</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddRavi(this IServiceCollection services, IConfiguration configuration) =>
        AddRavi(services, Microsoft.Extensions.Options.Options.DefaultName, configuration);

    /// <summary>
    /// Registers a named <see cref="RaviClient"/> (resolve it with <see cref="IRaviClientFactory"/> or as a keyed service
    /// <c>[FromKeyedServices(name)]</c>), for hosts that use several Ravi accounts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddRavi(this IServiceCollection services, string name, Action<RaviClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services, name);
        services.Configure(name, configure);
        return builder;
    }

    /// <summary>Registers a named <see cref="RaviClient"/> with options bound from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddRavi(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services, name);
        services.Configure<RaviClientOptions>(name, options => RaviConfigurationBinder.Bind(configuration, options));

        // Reload with the configuration (IOptionsMonitor): a rotated token applies to the running client.
        services.AddSingleton<IOptionsChangeTokenSource<RaviClientOptions>>(new ConfigurationChangeTokenSource<RaviClientOptions>(name, configuration));
        return builder;
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);

        services.AddOptions<RaviClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RaviClientOptions>, RaviClientOptionsValidator>());

        var registrations = GetRegistrations(services);
        var isNew = registrations.Add(name);

        // The SDK's own transport (automatic redirects off), no IHttpClientFactory logging (the SDK logs each attempt itself,
        // without query strings), and a guard below the user's handlers that refuses unsafe replays (docs/resilience.md).
        var builder = services.AddHttpClient(RaviRegistrations.HttpClientName(name))
            .ConfigureHttpClient(static c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => Ravi.Sdk.Http.RaviTransport.CreateDefault())
            .RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter, RaviReplayGuardFilter>());

        services.TryAddSingleton<IRaviClientFactory>(static sp => ActivatorUtilities.CreateInstance<RaviClientFactory>(sp, sp.GetRequiredService<RaviRegistrations>()));
        if (isNew)
        {
            services.AddKeyedSingleton<RaviClient>(name, static (sp, key) => sp.GetRequiredService<IRaviClientFactory>().CreateClient((string)key!));
            if (name.Length == 0)
            {
                services.TryAddSingleton<RaviClient>(static sp => sp.GetRequiredService<IRaviClientFactory>().CreateClient(Microsoft.Extensions.Options.Options.DefaultName));
            }
        }

        return builder;
    }

    private static RaviRegistrations GetRegistrations(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(RaviRegistrations) && descriptor.ImplementationInstance is RaviRegistrations existing)
            {
                return existing;
            }
        }

        var registrations = new RaviRegistrations();
        services.AddSingleton(registrations);
        return registrations;
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ravi.Sdk;
using Ravi.Sdk.Agents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Ravi tool catalog (<see cref="RaviToolCatalog"/>) in a service collection.</summary>
public static class RaviToolsServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="RaviToolCatalog"/> over the default <see cref="RaviClient"/> (register that with
    /// <c>AddRavi</c>). The options can also be set with <c>services.Configure&lt;RaviToolOptions&gt;(…)</c>; the host's
    /// <see cref="ILoggerFactory"/> is used when <see cref="RaviToolOptions.LoggerFactory"/> is not set.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the catalog's options; null for the defaults.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddRaviTools(this IServiceCollection services, Action<RaviToolOptions>? configure = null) =>
        AddRaviTools(services, Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a <see cref="RaviToolCatalog"/> for the named <see cref="RaviClient"/> registered with
    /// <c>AddRavi(name, …)</c>, as a keyed singleton (<c>[FromKeyedServices(name)]</c>). An empty name is the default client,
    /// registered unkeyed as well.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The Ravi client's registration name.</param>
    /// <param name="configure">Sets the catalog's options; null for the defaults.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="name"/> is null.</exception>
    public static IServiceCollection AddRaviTools(this IServiceCollection services, string name, Action<RaviToolOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        var builder = services.AddOptions<RaviToolOptions>(name);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.AddKeyedSingleton<RaviToolCatalog>(name, static (sp, key) => Create(sp, (string)key!));
        if (name.Length == 0)
        {
            services.AddSingleton(static sp => sp.GetRequiredKeyedService<RaviToolCatalog>(Options.Options.DefaultName));
        }

        return services;
    }

    /// <summary>
    /// Registers a singleton <see cref="RaviToolCatalog"/> over the default <see cref="RaviClient"/>, chained after
    /// <c>services.AddRavi(…)</c>: <c>services.AddRavi(o => …).AddRaviTools(o => …)</c>.
    /// </summary>
    /// <param name="builder">The builder <c>AddRavi</c> returned (for the default client).</param>
    /// <param name="configure">Sets the catalog's options; null for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHttpClientBuilder AddRaviTools(this IHttpClientBuilder builder, Action<RaviToolOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRaviTools(configure);
        return builder;
    }

    private static RaviToolCatalog Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<RaviToolOptions>>().Get(name).Clone();
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
        var client = name.Length == 0 ? services.GetRequiredService<RaviClient>() : services.GetRequiredKeyedService<RaviClient>(name);
        return new RaviToolCatalog(client, options);
    }
}

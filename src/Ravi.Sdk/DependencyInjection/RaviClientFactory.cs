using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>Builds one <see cref="RaviClient"/> per registration name over <see cref="IHttpClientFactory"/>.</summary>
internal sealed class RaviClientFactory : IRaviClientFactory, IDisposable
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<RaviClientOptions> _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly RaviRegistrations _registrations;
    private readonly ConcurrentDictionary<string, Lazy<RaviClient>> _clients = new(StringComparer.Ordinal);

    public RaviClientFactory(IHttpClientFactory httpClientFactory, IOptionsMonitor<RaviClientOptions> options, RaviRegistrations registrations, ILoggerFactory? loggerFactory = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _registrations = registrations;
        _loggerFactory = loggerFactory;
    }

    public RaviClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registrations.Contains(name))
        {
            throw new InvalidOperationException($"No Ravi client is registered under the name '{name}'. Call services.AddRavi(\"{name}\", …).");
        }

        return _clients.GetOrAdd(name, n => new Lazy<RaviClient>(() => Build(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
    }

    private RaviClient Build(string name)
    {
        var options = _options.Get(name).Clone();
        options.Validate();
        var httpClientName = RaviRegistrations.HttpClientName(name);
        var loggerFactory = options.LoggerFactory ?? _loggerFactory;

        // Ask the factory for a client per request so its handler rotation (DNS changes) keeps working for a singleton.
        return new RaviClient(options, _ => (new HttpClientForwardingHandler(() => _httpClientFactory.CreateClient(httpClientName)), true), loggerFactory);
    }
}

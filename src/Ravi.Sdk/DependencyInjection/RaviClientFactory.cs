using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Http;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>
/// Builds one <see cref="RaviClient"/> per registration name over <see cref="IHttpClientFactory"/>, and follows
/// <see cref="IOptionsMonitor{TOptions}"/> reloads: a rotated <see cref="RaviClientOptions.AccessToken"/> /
/// <see cref="RaviClientOptions.RefreshToken"/> is applied to the running client (its next call sends it); other changed
/// settings are logged as needing a restart (docs/configuration.md).
/// </summary>
internal sealed class RaviClientFactory : IRaviClientFactory, IDisposable
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<RaviClientOptions> _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly RaviRegistrations _registrations;
    private readonly ConcurrentDictionary<string, Lazy<RaviClient>> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Built> _built = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private readonly IDisposable? _subscription;

    public RaviClientFactory(IHttpClientFactory httpClientFactory, IOptionsMonitor<RaviClientOptions> options, RaviRegistrations registrations, ILoggerFactory? loggerFactory = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _registrations = registrations;
        _loggerFactory = loggerFactory;
        _subscription = options.OnChange(OnOptionsChanged);
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
        _subscription?.Dispose();
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
        // Under the lock that reloads take: a change either lands before this reads the options (and is built in) or
        // after the client is recorded (and is applied to it); none falls between.
        lock (_sync)
        {
            var settings = RaviClientSettings.From(_options.Get(name));
            var httpClientName = RaviRegistrations.HttpClientName(name);
            var loggerFactory = settings.LoggerFactory ?? _loggerFactory;

            // Ask the factory for a client per request so its handler rotation (DNS changes) keeps working for a singleton.
            var client = new RaviClient(settings, _ => (new HttpClientForwardingHandler(() => _httpClientFactory.CreateClient(httpClientName)), true), loggerFactory);
            _built[name] = new Built(client, settings, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(Diagnostics.RaviLogCategories.DependencyInjection));
            return client;
        }
    }

    private void OnOptionsChanged(RaviClientOptions options, string? name)
    {
        name ??= Microsoft.Extensions.Options.Options.DefaultName;
        var label = name.Length == 0 ? "default" : name;
        lock (_sync)
        {
            if (!_built.TryGetValue(name, out var built))
            {
                return; // not built yet: it will read the new options
            }

            RaviClientSettings next;
            try
            {
                next = RaviClientSettings.From(options);
            }
            catch (ArgumentException ex)
            {
                RaviReloadLog.Invalid(built.Logger, label, ex.Message);
                return;
            }

            var previous = built.Settings;
            if (next == previous)
            {
                return;
            }

            if (previous.DiffersBeyondTokens(next))
            {
                RaviReloadLog.NeedsRestart(built.Logger, label);
            }

            if (!string.Equals(previous.AccessToken, next.AccessToken, StringComparison.Ordinal) ||
                !string.Equals(previous.RefreshToken, next.RefreshToken, StringComparison.Ordinal))
            {
                ApplyTokens(label, built, previous, next);
            }

            _built[name] = built with { Settings = next };
        }
    }

    /// <summary>Hands rotated configuration tokens to the credential the client built from the previous ones.</summary>
    private static void ApplyTokens(string label, Built built, RaviClientSettings previous, RaviClientSettings next)
    {
        var fromOptions = previous.Credential is null && RaviCliConfiguration.ExplicitTokens(previous) is not null;
        if (fromOptions && RaviCliConfiguration.ExplicitTokens(next) is { } tokens &&
            built.Client.Scope.Pipeline.Credential is RaviCredential { Store: null } credential)
        {
            credential.Replace(tokens);
            RaviReloadLog.TokensApplied(built.Logger, label);
            return;
        }

        // The client's credential came from Credential or the CLI chain, or the configuration no longer has a token.
        RaviReloadLog.TokensNeedRestart(built.Logger, label);
    }

    private sealed record Built(RaviClient Client, RaviClientSettings Settings, ILogger Logger);
}

using System.Collections.Concurrent;

namespace Ravi.Sdk.DependencyInjection;

/// <summary>The names passed to <c>AddRavi</c> in one service collection.</summary>
internal sealed class RaviRegistrations
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public static string HttpClientName(string name) => string.IsNullOrEmpty(name) ? "Ravi.Sdk" : "Ravi.Sdk:" + name;

    public bool Add(string name) => _names.TryAdd(name, 0);

    public bool Contains(string name) => _names.ContainsKey(name);

    /// <summary>Whether <paramref name="httpClientName"/> is the <see cref="IHttpClientFactory"/> name of one of these registrations.</summary>
    public bool IsHttpClientName(string httpClientName) => _names.Keys.Any(n => string.Equals(HttpClientName(n), httpClientName, StringComparison.Ordinal));
}

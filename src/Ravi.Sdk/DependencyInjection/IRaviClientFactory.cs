namespace Ravi.Sdk;

/// <summary>
/// Gives the <see cref="RaviClient"/> registered under a name with <c>services.AddRavi(name, …)</c>, so one host can use
/// several Ravi accounts. Each name yields one shared, thread-safe client for the container's lifetime.
/// </summary>
public interface IRaviClientFactory
{
    /// <summary>Gets the client registered under <paramref name="name"/> (<see cref="string.Empty"/> for the default registration).</summary>
    /// <param name="name">The registration name.</param>
    /// <returns>The client; the container owns and disposes it.</returns>
    /// <exception cref="InvalidOperationException">No registration has that name.</exception>
    RaviClient CreateClient(string name);
}

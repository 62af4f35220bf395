using Ravi.Sdk.Models;

namespace Ravi.Sdk.Auth;

/// <summary>A token store that keeps the tokens in memory only (thread-safe).</summary>
public sealed class RaviInMemoryTokenStore : IRaviTokenStore
{
    private RaviTokens? _tokens;

    /// <summary>Creates an empty store.</summary>
    public RaviInMemoryTokenStore()
    {
    }

    /// <summary>Creates a store holding <paramref name="tokens"/>.</summary>
    /// <param name="tokens">The initial tokens.</param>
    public RaviInMemoryTokenStore(RaviTokens? tokens) => _tokens = tokens;

    /// <inheritdoc/>
    public ValueTask<RaviTokens?> LoadAsync(CancellationToken cancellationToken = default) => new(Volatile.Read(ref _tokens));

    /// <inheritdoc/>
    public ValueTask SaveAsync(RaviTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Volatile.Write(ref _tokens, tokens);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _tokens, null);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override string ToString() => "RaviInMemoryTokenStore";
}

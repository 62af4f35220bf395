using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Internal;

/// <summary>
/// State shared by a root <see cref="RaviClient"/> and all of its identity views (not per identity):
/// owned by the root and disposed with it.
/// </summary>
internal sealed class RaviSharedState : IDisposable
{
    /// <summary>Encrypts and decrypts secret fields with the unlocked key, if any.</summary>
    public SecretFieldCodec Fields { get; } = new();

    public void Dispose()
    {
    }
}

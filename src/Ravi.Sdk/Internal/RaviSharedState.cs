using Ravi.Sdk.Crypto;

namespace Ravi.Sdk.Internal;

/// <summary>
/// State shared by a root <see cref="RaviClient"/> and all of its identity views (not per identity):
/// owned by the root and disposed with it.
/// </summary>
internal sealed class RaviSharedState : IDisposable
{
    /// <summary>
    /// Encrypts and decrypts secret fields with the unlocked key, if any. The key is account-level (one
    /// <c>/api/encryption/</c> per account), so every identity view of the root client uses the same one.
    /// </summary>
    public SecretFieldCodec Fields { get; } = new();

    /// <summary>
    /// Messages the OTP helpers already returned, shared by every view so that two waits on different
    /// <see cref="RaviClient.ForIdentity(string)"/> views never return the same message.
    /// </summary>
    public Otp.ConsumedMessageSet ConsumedOtpMessages { get; } = new();

    /// <summary>
    /// Turns for the OTP waits' catch-up polls next to their event streams (<see cref="Resources.OtpClient.ConcurrentCatchUps"/>
    /// at once), shared by every view so that waits started together on many identities hold at most that many
    /// connections besides their streams. Never disposed: it holds no handle, and a wait still running when the client is
    /// disposed must be able to give its turn back.
    /// </summary>
    public SemaphoreSlim OtpCatchUps { get; } = new(Resources.OtpClient.ConcurrentCatchUps, Resources.OtpClient.ConcurrentCatchUps);

    /// <summary>What the server's dialect turned out to be (fallback paths and methods), remembered for the client's lifetime.</summary>
    public DialectMemory Dialect { get; } = new();

    /// <summary>Wipes the unlocked key.</summary>
    public void Dispose() => Fields.Dispose();
}

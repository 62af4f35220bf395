namespace Ravi.Sdk.Testing.Internal;

/// <summary>E2E encryption metadata records (callers hold <see cref="Sync"/>); the records live on their user.</summary>
internal sealed partial class ServerState
{
    private long _nextEncryptionId;

    public EncryptionRecord NewEncryption(string salt, string verifier, string publicKey) => new(++_nextEncryptionId, salt, verifier, publicKey);
}

namespace Ravi.Sdk.Testing.Internal;

/// <summary>A user's E2E metadata, stored verbatim.</summary>
internal sealed class EncryptionRecord(long id, string salt, string verifier, string publicKey)
{
    public long Id { get; } = id;
    public string Salt { get; set; } = salt;
    public string Verifier { get; set; } = verifier;
    public string PublicKey { get; set; } = publicKey;
}

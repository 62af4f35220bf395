namespace Ravi.Sdk.Testing.Internal;

/// <summary>A vault secret; the value is stored verbatim (normally <c>e2e::</c> ciphertext).</summary>
internal sealed class VaultRecord(string uuid, string identityUuid, long identityId, string key, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;
    public string IdentityUuid { get; } = identityUuid;
    public long IdentityId { get; } = identityId;
    public string Key { get; } = key;
    public string Value { get; set; } = "";
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}

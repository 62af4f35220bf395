namespace Ravi.Sdk.Testing.Internal;

/// <summary>A password entry; fields are stored verbatim (normally <c>e2e::</c> ciphertext).</summary>
internal sealed class PasswordRecord(string uuid, string identityUuid, long identityId, DateTimeOffset createdAt)
{
    public string Uuid { get; } = uuid;
    public string IdentityUuid { get; } = identityUuid;
    public long IdentityId { get; } = identityId;
    public string Domain { get; set; } = "";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}

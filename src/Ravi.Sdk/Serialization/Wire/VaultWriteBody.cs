namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST /api/vault/</c> (value and notes already encrypted).</summary>
internal sealed record VaultWriteBody
{
    public required string Key { get; init; }

    public required string Value { get; init; }

    public string? Notes { get; init; }
}

namespace Ravi.Sdk.Serialization.Wire;

/// <summary>Body of <c>POST/PUT /api/passwords/</c> (secret fields already encrypted).</summary>
internal sealed record PasswordWriteBody
{
    public required string Domain { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Notes { get; init; }
}

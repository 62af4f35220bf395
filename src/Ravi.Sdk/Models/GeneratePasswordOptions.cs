namespace Ravi.Sdk.Models;

/// <summary>Options for <c>GET /api/passwords/generate_password/</c>; unset values use the server's defaults.</summary>
public sealed record GeneratePasswordOptions
{
    /// <summary>The length (1–1024).</summary>
    public int? Length { get; init; }

    /// <summary>Include uppercase letters.</summary>
    public bool? Uppercase { get; init; }

    /// <summary>Include lowercase letters.</summary>
    public bool? Lowercase { get; init; }

    /// <summary>Include digits.</summary>
    public bool? Digits { get; init; }

    /// <summary>Include special characters.</summary>
    public bool? Special { get; init; }

    /// <summary>Characters never to use.</summary>
    public string? ExcludeChars { get; init; }
}

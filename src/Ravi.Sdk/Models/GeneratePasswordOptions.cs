namespace Ravi.Sdk.Models;

/// <summary>Options for <c>GET /api/passwords/generate_password/</c>; unset values use the server's defaults.</summary>
public sealed class GeneratePasswordOptions
{
    /// <summary>The length (1–1024).</summary>
    public int? Length { get; set; }

    /// <summary>Include uppercase letters.</summary>
    public bool? Uppercase { get; set; }

    /// <summary>Include lowercase letters.</summary>
    public bool? Lowercase { get; set; }

    /// <summary>Include digits.</summary>
    public bool? Digits { get; set; }

    /// <summary>Include special characters.</summary>
    public bool? Special { get; set; }

    /// <summary>Characters never to use.</summary>
    public string? ExcludeChars { get; set; }

    /// <summary>Copies these options.</summary>
    /// <returns>A shallow copy.</returns>
    public GeneratePasswordOptions Clone() => (GeneratePasswordOptions)MemberwiseClone();
}

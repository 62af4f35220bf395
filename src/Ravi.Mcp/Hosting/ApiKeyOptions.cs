namespace Ravi.Mcp.Hosting;

/// <summary>The API key the HTTP transports require.</summary>
/// <param name="ApiKey">The key.</param>
internal sealed record ApiKeyOptions(string ApiKey)
{
    /// <inheritdoc/>
    public override string ToString() => "ApiKeyOptions { ApiKey = *** }";
}

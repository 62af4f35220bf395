namespace Ravi.Mcp.Configuration;

/// <summary>The environment variables ravi-mcp reads (the SDK reads <c>RAVI_ACCESS_TOKEN</c> and friends itself).</summary>
internal static class EnvironmentVariables
{
    public const string Config = "RAVI_MCP_CONFIG";
    public const string ApiKey = "RAVI_MCP_API_KEY";
    public const string Urls = "RAVI_MCP_URLS";
    public const string StateDirectory = "RAVI_MCP_STATE_DIR";
    public const string Identity = "RAVI_MCP_IDENTITY";
    public const string ReadOnly = "RAVI_MCP_READ_ONLY";
    public const string Tools = "RAVI_MCP_TOOLS";
    public const string LogLevel = "RAVI_MCP_LOG_LEVEL";
    public const string BaseUrl = "RAVI_BASE_URL";
    public const string ConfigDirectory = "RAVI_CONFIG_DIR";
    public const string AccessToken = "RAVI_ACCESS_TOKEN";
    public const string RefreshToken = "RAVI_REFRESH_TOKEN";
    public const string Pin = "RAVI_PIN";
    public const string PinFile = "RAVI_PIN_FILE";
}

using Microsoft.Extensions.Logging;
using Ravi.Mcp.Configuration;
using Ravi.Mcp.Hosting;

namespace Ravi.Mcp.Tests;

/// <summary>Command line over environment over config file; bad input is reported, never echoed whole.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("ravi-mcp-settings-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void The_command_line_wins_over_the_environment_which_wins_over_the_config_file()
    {
        WriteConfig("""{ "urls": "http://127.0.0.1:4000", "apiKey": "from-file", "readOnly": true, "tools": ["list_identities", "wait_for_code"], "logLevel": "Debug" }""");
        var environment = Environment(new() { ["RAVI_MCP_API_KEY"] = "from-env", ["RAVI_MCP_URLS"] = "http://127.0.0.1:5000" });

        var fromFileAndEnv = SettingsLoader.Load(["--http"], environment);
        Assert.Empty(fromFileAndEnv.Problems);
        Assert.Equal("from-env", fromFileAndEnv.Settings.ApiKey);
        Assert.Equal("RAVI_MCP_API_KEY", fromFileAndEnv.Settings.ApiKeySource);
        Assert.Equal([new Uri("http://127.0.0.1:5000")], fromFileAndEnv.Settings.Urls);
        Assert.True(fromFileAndEnv.Settings.ReadOnly);
        Assert.Equal(["list_identities", "wait_for_code"], fromFileAndEnv.Settings.Tools);
        Assert.Equal(LogLevel.Debug, fromFileAndEnv.Settings.LogLevel);

        var fromArgs = SettingsLoader.Load(["--urls=http://127.0.0.1:6000", "--api-key", "from-args"], environment);
        Assert.True(fromArgs.Settings.Http); // --urls implies --http
        Assert.Equal("from-args", fromArgs.Settings.ApiKey);
        Assert.Equal([new Uri("http://127.0.0.1:6000")], fromArgs.Settings.Urls);
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("--urls", "--urls needs a value")]
    [InlineData("--http=yes", "--http takes no value")]
    [InlineData("serve", "Unexpected argument 'serve'")]
    public void Command_line_mistakes_are_usage_errors(string arg, string message)
    {
        var result = SettingsLoader.Load([arg], Environment([]));
        Assert.Contains(message, result.UsageError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_url_is_a_usage_error_that_does_not_echo_a_pasted_secret_whole()
    {
        var pasted = "ftp://" + new string('s', 10_000);
        var result = SettingsLoader.Load(["--urls", pasted], Environment([]));
        Assert.NotNull(result.UsageError);
        Assert.InRange(result.UsageError!.Length, 1, 300);
    }

    [Fact]
    public void A_broken_config_file_or_bad_values_are_problems_that_the_tools_report()
    {
        WriteConfig("{ \"baseUrl\": ");
        var broken = SettingsLoader.Load([], Environment([]));
        Assert.Contains(broken.Problems, p => p.Contains("is not valid JSON", StringComparison.Ordinal));

        WriteConfig("""{ "baseUrl": "not a url", "logLevel": "loud" }""");
        var bad = SettingsLoader.Load([], Environment([]));
        Assert.Equal(2, bad.Problems.Count);
        Assert.Null(bad.UsageError);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3000", true)]
    [InlineData("http://127.8.9.10:3000", true)]
    [InlineData("http://localhost:3000", true)]
    [InlineData("http://[::1]:3000", true)]
    [InlineData("http://0.0.0.0:3000", false)]
    [InlineData("http://[::]:3000", false)]
    [InlineData("http://192.0.2.10:3000", false)]
    public void Only_loopback_addresses_may_go_without_an_api_key(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(new Uri(url)));

    [Fact]
    public async Task Refuses_a_non_loopback_address_without_an_api_key()
    {
        var stderr = new StringWriter();
        var exit = await RaviMcpApplication.RunAsync(["--http", "--urls", "http://0.0.0.0:3000"], Environment([]), new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("refusing to listen on http://0.0.0.0:3000/ without an API key", stderr.ToString(), StringComparison.Ordinal);
    }

    private McpEnvironment Environment(Dictionary<string, string> values)
    {
        values["HOME"] = _home;
        return new McpEnvironment(values);
    }

    private void WriteConfig(string json)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".ravi"));
        File.WriteAllText(Path.Combine(_home, ".ravi", "mcp.json"), json);
    }
}

using System.Collections.Concurrent;
using System.Reflection;
using ModelContextProtocol.Client;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Samples.Tests.McpServer;

/// <summary>
/// One RaviTestServer (encryption set up with a PIN) and one MCP server process for all tests of the class: the sample's
/// built dll started with <c>dotnet</c> over stdio, pointed at the test server through the environment variables an MCP
/// host would set.
/// </summary>
public sealed class McpServerFixture : IAsyncLifetime
{
    public const string Pin = "135790";

    private readonly string _configDirectory = Directory.CreateTempSubdirectory("ravi-mcp-test-").FullName;

    public RaviTestServer Server { get; private set; } = null!;

    /// <summary>The test's own SDK client (unlocked), to arrange and check state.</summary>
    public RaviClient Client { get; private set; } = null!;

    public McpClient Mcp { get; private set; } = null!;

    public ConcurrentQueue<string> ServerErrors { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await RaviTestServer.StartAsync();
        Client = new RaviClient(new RaviClientOptions
        {
            BaseAddress = Server.BaseAddress,
            AccessToken = Server.AccessToken,
            RefreshToken = Server.RefreshToken,
            UseCliConfiguration = false,
        });
        await Client.Encryption.SetupAsync(Pin);

        var dll = typeof(McpServerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "McpServerDll").Value!;
        Assert.True(File.Exists(dll), $"The MCP server sample was not built: {dll}");

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "ravi-mcp-sample",
            Command = "dotnet",
            Arguments = [dll],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["RAVI_BASE_URL"] = Server.BaseAddress.ToString(),
                ["RAVI_ACCESS_TOKEN"] = Server.AccessToken,
                ["RAVI_REFRESH_TOKEN"] = Server.RefreshToken,
                ["RAVI_PIN"] = Pin,
                ["RAVI_CONFIG_DIR"] = _configDirectory, // never the developer's ~/.ravi
            },
            StandardErrorLines = line => ServerErrors.Enqueue(line),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });

        using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Mcp = await McpClient.CreateAsync(transport, cancellationToken: startup.Token);
    }

    public async Task DisposeAsync()
    {
        if (Mcp is not null)
        {
            await Mcp.DisposeAsync();
        }

        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Directory.Delete(_configDirectory, recursive: true);
    }
}

using System.Text.Json.Nodes;
using Ravi.Sdk;
using Ravi.Sdk.Testing;

namespace Ravi.Mcp.Tests.Support;

/// <summary>
/// A Ravi account on a <see cref="RaviTestServer"/> with encryption set up, and a home directory in which the ravi CLI
/// "logged in" (<c>~/.ravi/auth.json</c>, written as the CLI writes it). ravi-mcp processes run with this HOME and never
/// see the developer's own ~/.ravi.
/// </summary>
public sealed class TestAccount : IAsyncDisposable
{
    public const string Pin = "135790";

    private TestAccount(RaviTestServer server, RaviClient client, string home)
    {
        Server = server;
        Client = client;
        Home = home;
    }

    public RaviTestServer Server { get; }

    /// <summary>The test's own client (unlocked) to arrange and check state.</summary>
    public RaviClient Client { get; }

    public string Home { get; }

    public string CliDirectory => Path.Combine(Home, ".ravi");

    public string AuthFile => Path.Combine(CliDirectory, "auth.json");

    public static async Task<TestAccount> CreateAsync(RaviTestServerOptions? options = null, bool signedIn = true, bool setUpEncryption = true)
    {
        var server = await RaviTestServer.StartAsync(options);
        var client = new RaviClient(new RaviClientOptions
        {
            BaseAddress = server.BaseAddress,
            AccessToken = server.AccessToken,
            UseCliConfiguration = false,
        });
        if (setUpEncryption)
        {
            await client.Encryption.SetupAsync(Pin);
        }
        var account = new TestAccount(server, client, Directory.CreateTempSubdirectory("ravi-mcp-home-").FullName);
        Directory.CreateDirectory(account.CliDirectory);
        if (signedIn)
        {
            account.WriteLogin(server.AccessToken, server.RefreshToken);
        }

        return account;
    }

    /// <summary>What <c>ravi login</c> leaves behind: auth.json with the tokens and the user's email.</summary>
    public void WriteLogin(string accessToken, string? refreshToken, string? privateKey = null, string? publicKey = null)
    {
        var json = new JsonObject
        {
            ["access_token"] = accessToken,
            ["refresh_token"] = refreshToken,
            ["user_email"] = Server.UserEmail,
        };
        if (privateKey is not null)
        {
            json["private_key"] = privateKey;
            json["public_key"] = publicKey;
        }

        File.WriteAllText(AuthFile, json.ToJsonString());
    }

    /// <summary>The environment of a ravi-mcp process for this account: HOME here, the API at the test server, nothing inherited from RAVI_*.</summary>
    public Dictionary<string, string?> Environment(string? pin = Pin)
    {
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["USERPROFILE"] = Home,
            ["RAVI_BASE_URL"] = Server.BaseAddress.ToString(),
            ["RAVI_PIN"] = pin,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var name in new[]
                 {
                     "RAVI_ACCESS_TOKEN", "RAVI_REFRESH_TOKEN", "RAVI_CONFIG_DIR", "RAVI_PIN_FILE", "RAVI_MCP_CONFIG", "RAVI_MCP_API_KEY",
                     "RAVI_MCP_URLS", "RAVI_MCP_STATE_DIR", "RAVI_MCP_IDENTITY", "RAVI_MCP_READ_ONLY", "RAVI_MCP_TOOLS", "RAVI_MCP_LOG_LEVEL",
                 })
        {
            env.TryAdd(name, null);
        }

        return env;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

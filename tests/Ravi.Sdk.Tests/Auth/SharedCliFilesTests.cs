using System.Text;
using System.Text.Json.Nodes;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

/// <summary>
/// The files shared with the CLI (docs/authentication.md#where-tokens-are-written): a rotation goes back to the file the tokens came from, a new login to the
/// configured directory (else ~/.ravi), another account's file is never replaced, the CLI's keys are never dropped, and a
/// file rewritten in place under the SDK at any moment does no harm.
/// </summary>
public sealed class SharedCliFilesTests : IDisposable
{
    private const string PinSalt = "AAECAwQFBgcICQoLDA0ODw==";
    private const string PublicKey = "qa2+4C19IyUrHHcnQBi4K0o3NtlOYPca7yReSLCBBH8=";
    private const string PrivateKey = "uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE=";

    private readonly TempDirectory _temp = new();
    private readonly ObservableTimeProvider _time = new();
    private readonly FakeAuthServer _server;

    public SharedCliFilesTests() => _server = new FakeAuthServer(_time);

    public void Dispose() => _temp.Dispose();

    private string HomeAuth => _temp.Combine("home", ".ravi", "auth.json");

    private string AgentDir => _temp.Combine("agent");

    private TestEnvironment Environment() => new(_temp.Combine("home"), _temp.Combine("cwd"));

    private RaviClient CliClient(string? configDirectory = null)
    {
        var options = TestClients.Options(_time);
        options.UseCliConfiguration = true;
        options.ConfigDirectory = configDirectory;
        return TestClients.Create(options, _server.Handler, Environment());
    }

    private string WriteAccountA(string? access = null, string? refresh = null)
    {
        var json = new JsonObject
        {
            ["access_token"] = access ?? _server.IssueAccess(),
            ["refresh_token"] = refresh ?? _server.IssueRefresh(),
            ["expires_at"] = "2030-01-01T00:00:00Z",
            ["user_email"] = "a@example.com",
            ["pin_salt"] = PinSalt,
            ["public_key"] = PublicKey,
            ["private_key"] = PrivateKey,
            ["cli_future_field"] = 42,
        };
        return _temp.Write(Path.Combine("home", ".ravi", "auth.json"), json.ToJsonString());
    }

    [Fact]
    public async Task A_device_or_password_login_with_only_config_json_in_the_configured_directory_goes_there_and_leaves_the_global_file_alone()
    {
        WriteAccountA();
        _temp.Write(Path.Combine("agent", "config.json"), $$"""{"identity_uuid":"{{TestClients.Identity}}"}""");
        var before = File.ReadAllBytes(HomeAuth);
        using var client = CliClient(AgentDir);
        await client.Auth.GetCurrentUserAsync(); // signed in with ~/.ravi/auth.json, as the parallel-agents pattern expects

        var tokens = await client.Auth.LoginAsync("b@example.com", "pw");

        Assert.Null(tokens.SaveFailure);
        Assert.Equal(before, File.ReadAllBytes(HomeAuth));
        var agentAuth = JsonNode.Parse(File.ReadAllText(Path.Combine(AgentDir, "auth.json")))!;
        Assert.Equal("b@example.com", (string?)agentAuth["user_email"]);
        Assert.Equal(tokens.AccessToken, (string?)agentAuth["access_token"]);
    }

    [Fact]
    public async Task A_rotation_goes_back_to_the_file_the_tokens_came_from_with_every_other_field_kept()
    {
        WriteAccountA(access: TestJwt.Create(_time.GetUtcNow() - TimeSpan.FromMinutes(1)));
        _temp.Write(Path.Combine("agent", "config.json"), $$"""{"identity_uuid":"{{TestClients.Identity}}"}""");
        using var client = CliClient(AgentDir);

        await client.Auth.GetCurrentUserAsync(); // expired: refreshed first

        Assert.Equal(1, _server.RefreshCalls);
        Assert.False(File.Exists(Path.Combine(AgentDir, "auth.json")));
        var home = JsonNode.Parse(File.ReadAllText(HomeAuth))!;
        Assert.True(_server.IsValidAccess((string)home["access_token"]!));
        AssertKeys(home);
        Assert.Equal(42, (int)home["cli_future_field"]!);
        Assert.Equal("a@example.com", (string?)home["user_email"]);
    }

    [Fact]
    public async Task A_login_never_silently_replaces_another_accounts_file()
    {
        WriteAccountA();
        var before = File.ReadAllBytes(HomeAuth);
        using var client = CliClient();

        var tokens = await client.Auth.LoginAsync("b@example.com", "pw");

        var failure = Assert.IsType<RaviTokenStoreException>(tokens.SaveFailure);
        Assert.Contains("a@example.com", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ConfigDirectory", failure.Message, StringComparison.Ordinal); // says what to do
        Assert.Equal(before, File.ReadAllBytes(HomeAuth));
        await client.Auth.GetCurrentUserAsync();
        Assert.Equal("Bearer " + tokens.AccessToken, _server.Handler.Requests.Last().Authorization); // signed in as b in memory
    }

    [Fact]
    public async Task A_login_of_the_same_account_replaces_the_tokens_and_keeps_the_cli_keys()
    {
        WriteAccountA();
        using var client = CliClient();

        var tokens = await client.Auth.LoginAsync("A@example.com", "pw");

        Assert.Null(tokens.SaveFailure);
        var home = JsonNode.Parse(File.ReadAllText(HomeAuth))!;
        Assert.Equal(tokens.AccessToken, (string?)home["access_token"]);
        Assert.Equal(tokens.RefreshToken, (string?)home["refresh_token"]);
        AssertKeys(home);
        Assert.Equal(42, (int)home["cli_future_field"]!);
    }

    [Fact]
    public async Task A_save_that_finds_the_file_half_written_waits_for_the_writer_and_keeps_the_keys()
    {
        var path = WriteAccountA();
        var complete = File.ReadAllText(path);
        File.WriteAllText(path, complete[..40]); // the CLI truncated the file and has written only part of it
        var finish = Task.Run(async () =>
        {
            await Task.Delay(40);
            File.WriteAllText(path, complete);
        });

        await new RaviCliTokenStore(path).SaveAsync(new RaviTokens { AccessToken = "new-access", RefreshToken = "new-refresh" });
        await finish;

        var saved = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("new-access", (string?)saved["access_token"]);
        AssertKeys(saved);
    }

    [Fact]
    public async Task The_cli_rewriting_the_file_in_place_at_any_moment_never_breaks_a_call_or_drops_the_keys()
    {
        _server.Rotate = false; // the CLI ignores the lock, so a lost update may bring back an older refresh token
        _server.Lifetime = TimeSpan.FromMinutes(1);
        WriteAccountA(access: TestJwt.Create(_time.GetUtcNow() - TimeSpan.FromMinutes(1)));
        using var client = CliClient();
        using var stop = new CancellationTokenSource();
        var sawFileWithoutKeys = 0;
        var rewrites = 0;
        var cli = Task.Run(async () =>
        {
            for (var i = 0; i < 5000 && !stop.IsCancellationRequested; i++)
            {
                RewriteInPlaceAsTheCliDoes(HomeAuth);
                Interlocked.Increment(ref rewrites);
                await Task.Delay(3);
            }
        });
        var monitor = Task.Run(async () =>
        {
            for (var i = 0; i < 20_000 && !stop.IsCancellationRequested; i++)
            {
                if (TryParse(HomeAuth) is { } seen && seen["private_key"] is null)
                {
                    Interlocked.Increment(ref sawFileWithoutKeys);
                }

                await Task.Delay(1);
            }
        });

        var calls = 0;
        for (; calls < 1000 && (calls < 30 || Volatile.Read(ref rewrites) < 50); calls++)
        {
            _time.Advance(TimeSpan.FromMinutes(2)); // every access token has expired: each call refreshes and saves
            Assert.Equal("agent@example.com", (await client.Auth.GetCurrentUserAsync()).Email);
        }

        await stop.CancelAsync();
        await Task.WhenAll(cli, monitor);
        // Every call finds its token expired and renews it: a lost update by the CLI brings back older tokens whose access
        // token has expired, which are never adopted as-is (docs/authentication.md#refresh), so no expired token is sent.
        Assert.Equal(0, _server.Unauthorized);
        Assert.Equal(calls, _server.RefreshCalls);
        Assert.True(rewrites >= 50, $"only {rewrites} rewrites in {calls} calls");
        Assert.Equal(0, sawFileWithoutKeys);
        AssertKeys(JsonNode.Parse(File.ReadAllText(HomeAuth))!);
    }

    private static void AssertKeys(JsonNode json)
    {
        Assert.Equal(PinSalt, (string?)json["pin_salt"]);
        Assert.Equal(PublicKey, (string?)json["public_key"]);
        Assert.Equal(PrivateKey, (string?)json["private_key"]);
    }

    private static JsonObject? TryParse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException)
        {
            return null; // caught mid-rewrite
        }
    }

    /// <summary>
    /// What the Go CLI's SaveAuth does (os.WriteFile: truncate, then write): the same tokens and keys, <c>expires_at</c> as Go's
    /// zero time, unknown fields dropped; written in two pieces so readers can catch it half-written.
    /// </summary>
    private static void RewriteInPlaceAsTheCliDoes(string path)
    {
        if (TryParse(path) is not { } current)
        {
            return;
        }

        var cli = new JsonObject
        {
            ["access_token"] = (string?)current["access_token"],
            ["refresh_token"] = (string?)current["refresh_token"],
            ["expires_at"] = "0001-01-01T00:00:00Z",
            ["user_email"] = (string?)current["user_email"],
            ["pin_salt"] = (string?)current["pin_salt"],
            ["public_key"] = (string?)current["public_key"],
            ["private_key"] = (string?)current["private_key"],
        };
        var bytes = Encoding.UTF8.GetBytes(cli.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        try
        {
            using var file = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            file.Write(bytes, 0, bytes.Length / 2);
            file.Flush();
            Thread.Sleep(1);
            file.Write(bytes, bytes.Length / 2, bytes.Length - (bytes.Length / 2));
        }
        catch (IOException)
        {
            // The SDK renamed its file over ours meanwhile: the CLI would just have lost that race.
        }
    }
}

using System.Net;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

public sealed class CredentialChainTests : IDisposable
{
    private const string IdentityA = "aaaaaaaa-1111-4222-8333-944455556666";
    private const string IdentityB = "bbbbbbbb-1111-4222-8333-944455556666";
    private const string IdentityC = "cccccccc-1111-4222-8333-944455556666";
    private const string IdentityD = "dddddddd-1111-4222-8333-944455556666";

    private readonly TempDirectory _temp = new();
    private readonly ObservableTimeProvider _time = new();
    private readonly StubHandler _handler = new(_ => StubHandler.Json(HttpStatusCode.OK, """{"id":1,"email":"a@example.com"}"""));

    public void Dispose() => _temp.Dispose();

    private string Home => _temp.Combine("home");

    private string ConfigDir => _temp.Combine("configdir");

    private TestEnvironment Environment() => new(Home, _temp.Combine("cwd"));

    private void WriteAuth(string dir, string access, string? refresh = null) =>
        _temp.Write(Path.Combine(dir, "auth.json"), refresh is null
            ? $$"""{"access_token":"{{access}}"}"""
            : $$"""{"access_token":"{{access}}","refresh_token":"{{refresh}}"}""");

    private RaviClientOptions CliOptions()
    {
        var options = TestClients.Options(_time);
        options.UseCliConfiguration = true;
        return options;
    }

    private async Task<string?> BearerUsedAsync(RaviClientOptions options, TestEnvironment environment)
    {
        using var client = TestClients.Create(options, _handler, environment);
        await client.Auth.GetCurrentUserAsync();
        return _handler.Requests.Last().Authorization;
    }

    [Fact]
    public async Task Explicit_options_win_over_environment_and_files()
    {
        WriteAuth(ConfigDir, "from-config-dir");
        WriteAuth(Path.Combine(Home, ".ravi"), "from-home");
        var env = Environment().Set("RAVI_ACCESS_TOKEN", "from-env").Set("RAVI_CONFIG_DIR", ConfigDir);
        var options = CliOptions();
        options.AccessToken = "from-options";

        Assert.Equal("Bearer from-options", await BearerUsedAsync(options, env));
    }

    [Fact]
    public async Task Explicit_credential_object_wins()
    {
        var env = Environment().Set("RAVI_ACCESS_TOKEN", "from-env");
        var options = CliOptions();
        options.Credential = new RaviCredential("from-credential");

        Assert.Equal("Bearer from-credential", await BearerUsedAsync(options, env));
    }

    [Fact]
    public async Task Environment_wins_over_files_and_carries_the_refresh_token()
    {
        WriteAuth(ConfigDir, "from-config-dir");
        WriteAuth(Path.Combine(Home, ".ravi"), "from-home");
        var env = Environment().Set("RAVI_ACCESS_TOKEN", "from-env").Set("RAVI_REFRESH_TOKEN", "env-refresh").Set("RAVI_CONFIG_DIR", ConfigDir);
        var options = CliOptions();

        Assert.Equal("Bearer from-env", await BearerUsedAsync(options, env));
        var (credential, _) = RaviCliConfiguration.CreateCredential(RaviClientSettings.From(options), env, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Equal("env-refresh", (await credential.GetTokenAsync())!.RefreshToken);
        Assert.Null(Assert.IsType<RaviCliCredential>(credential).Current!.Store); // environment tokens are never written anywhere
    }

    [Fact]
    public async Task Config_dir_auth_json_wins_over_home()
    {
        WriteAuth(ConfigDir, "from-config-dir", "r1");
        WriteAuth(Path.Combine(Home, ".ravi"), "from-home");
        var env = Environment().Set("RAVI_CONFIG_DIR", ConfigDir);

        Assert.Equal("Bearer from-config-dir", await BearerUsedAsync(CliOptions(), env));
    }

    [Fact]
    public async Task Options_ConfigDirectory_replaces_RAVI_CONFIG_DIR()
    {
        var other = _temp.Combine("other");
        WriteAuth(ConfigDir, "from-env-config-dir");
        WriteAuth(other, "from-options-config-dir");
        var env = Environment().Set("RAVI_CONFIG_DIR", ConfigDir);
        var options = CliOptions();
        options.ConfigDirectory = other;

        Assert.Equal("Bearer from-options-config-dir", await BearerUsedAsync(options, env));
    }

    [Fact]
    public async Task Home_auth_json_is_the_last_resort_and_empty_files_fall_through()
    {
        _temp.Write(Path.Combine("configdir", "auth.json"), """{"user_email":"x@example.com"}"""); // no token: skipped
        WriteAuth(Path.Combine(Home, ".ravi"), "from-home");
        var env = Environment().Set("RAVI_CONFIG_DIR", ConfigDir);

        Assert.Equal("Bearer from-home", await BearerUsedAsync(CliOptions(), env));
    }

    [Fact]
    public async Task UseCliConfiguration_off_ignores_environment_and_files()
    {
        WriteAuth(Path.Combine(Home, ".ravi"), "from-home");
        var env = Environment().Set("RAVI_ACCESS_TOKEN", "from-env");
        var options = CliOptions();
        options.UseCliConfiguration = false;

        Assert.Null(await BearerUsedAsync(options, env));
    }

    [Fact]
    public async Task File_credential_persists_to_the_file_it_came_from()
    {
        WriteAuth(ConfigDir, "from-config-dir", "r1");
        var env = Environment().Set("RAVI_CONFIG_DIR", ConfigDir);

        var (credential, _) = RaviCliConfiguration.CreateCredential(RaviClientSettings.From(CliOptions()), env, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Equal("from-config-dir", (await credential.GetTokenAsync())!.AccessToken);

        var store = Assert.IsType<RaviCliTokenStore>(Assert.IsType<RaviCliCredential>(credential).Current!.Store);
        Assert.Equal(Path.GetFullPath(Path.Combine(ConfigDir, "auth.json")), store.FilePath);
    }

    [Fact]
    public async Task With_nothing_found_logins_are_saved_where_the_cli_would_save_them()
    {
        var env = Environment();
        var (credential, _) = RaviCliConfiguration.CreateCredential(RaviClientSettings.From(CliOptions()), env, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Null(await credential.GetTokenAsync());
        await credential.UpdateAsync(new RaviTokens { AccessToken = "home-login" });
        Assert.Equal("home-login", RaviCliAuthFile.TryRead(Path.Combine(Home, ".ravi", "auth.json"))!.AccessToken);

        env.Set("RAVI_CONFIG_DIR", ConfigDir);
        (credential, _) = RaviCliConfiguration.CreateCredential(RaviClientSettings.From(CliOptions()), env, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await credential.UpdateAsync(new RaviTokens { AccessToken = "config-dir-login" });
        Assert.Equal("config-dir-login", RaviCliAuthFile.TryRead(Path.Combine(ConfigDir, "auth.json"))!.AccessToken);
    }

    [Fact]
    public void Identity_chain_is_explicit_then_config_dir_then_working_dir_then_home()
    {
        _temp.Write(Path.Combine("configdir", "config.json"), $$"""{"identity_uuid":"{{IdentityB}}","identity_name":"b"}""");
        _temp.Write(Path.Combine("cwd", ".ravi", "config.json"), $$"""{"identity_uuid":"{{IdentityC}}","identity_name":"c"}""");
        _temp.Write(Path.Combine("home", ".ravi", "config.json"), $$"""{"identity_uuid":"{{IdentityD}}","identity_name":"d"}""");
        var env = Environment().Set("RAVI_CONFIG_DIR", ConfigDir);

        var options = CliOptions();
        options.IdentityUuid = IdentityA;
        using (var client = TestClients.Create(options, _handler, env))
        {
            Assert.Equal(IdentityA, client.IdentityUuid);
        }

        using (var client = TestClients.Create(CliOptions(), _handler, env))
        {
            Assert.Equal(IdentityB, client.IdentityUuid);
        }

        File.Delete(Path.Combine(ConfigDir, "config.json"));
        using (var client = TestClients.Create(CliOptions(), _handler, env))
        {
            Assert.Equal(IdentityC, client.IdentityUuid);
        }

        File.Delete(_temp.Combine("cwd", ".ravi", "config.json"));
        using (var client = TestClients.Create(CliOptions(), _handler, env))
        {
            Assert.Equal(IdentityD, client.IdentityUuid);
        }

        var off = CliOptions();
        off.UseCliConfiguration = false;
        using (var client = TestClients.Create(off, _handler, env))
        {
            Assert.Null(client.IdentityUuid);
        }
    }

    [Fact]
    public void Identity_files_with_invalid_or_missing_uuids_are_skipped()
    {
        _temp.Write(Path.Combine("configdir", "config.json"), """{"identity_uuid":"not-a-uuid"}""");
        _temp.Write(Path.Combine("cwd", ".ravi", "config.json"), "{ this is not json");
        _temp.Write(Path.Combine("home", ".ravi", "config.json"), $$"""{"identity_name":"d","identity_uuid":"{{IdentityD}}"}""");
        var env = Environment().Set("RAVI_CONFIG_DIR", ConfigDir);

        using var client = TestClients.Create(CliOptions(), _handler, env);

        Assert.Equal(IdentityD, client.IdentityUuid);
    }

    [Fact]
    public void Working_dir_config_is_only_read_from_the_exact_directory()
    {
        _temp.Write(Path.Combine("cwd", ".ravi", "config.json"), $$"""{"identity_uuid":"{{IdentityC}}"}""");
        var env = Environment();
        env.Cwd = _temp.Combine("cwd", "sub"); // a subdirectory: the parent's .ravi is not used

        using var client = TestClients.Create(CliOptions(), _handler, env);

        Assert.Null(client.IdentityUuid);
    }
}

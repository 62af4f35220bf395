using Ravi.Sdk.Auth;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

/// <summary>
/// Credentials follow the token store: nothing is resolved in the constructor, a missing or half-written auth.json is
/// tried again on the next call, another process's rotation of opaque tokens is adopted, permissions are checked, and a
/// login whose tokens cannot be saved still succeeds and says so.
/// </summary>
public sealed class LazyCredentialTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ObservableTimeProvider _time = new();
    private readonly FakeAuthServer _server;
    private readonly CapturingLoggerProvider _logs = new();

    public LazyCredentialTests() => _server = new FakeAuthServer(_time);

    public void Dispose() => _temp.Dispose();

    private string Home => _temp.Combine("home");

    private string HomeAuth => _temp.Combine("home", ".ravi", "auth.json");

    private TestEnvironment Environment() => new(Home, _temp.Combine("cwd"));

    private RaviClient CliClient(TestEnvironment environment, string? configDirectory = null)
    {
        var options = TestClients.Options(_time);
        options.UseCliConfiguration = true;
        options.ConfigDirectory = configDirectory;
        return TestClients.Create(options, _server.Handler, environment, _logs);
    }

    [Fact]
    public void Constructing_a_client_reads_no_environment_and_no_file()
    {
        var environment = Environment();

        using var client = CliClient(environment);
        _ = client.ForIdentity(TestClients.Identity).Auth;

        Assert.Equal(0, environment.Reads);
    }

    [Fact]
    public async Task A_client_that_found_no_auth_json_signs_in_once_the_file_appears()
    {
        using var client = CliClient(Environment());
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        _temp.Write(Path.Combine("home", ".ravi", "auth.json"), $$"""{"access_token":"{{_server.IssueAccess()}}","refresh_token":"{{_server.IssueRefresh()}}"}""");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("agent@example.com", (await client.Auth.GetCurrentUserAsync()).Email);
        }
    }

    [Fact]
    public async Task A_half_written_auth_json_is_read_again_on_the_next_call()
    {
        var access = _server.IssueAccess();
        var complete = $$"""{"access_token":"{{access}}","refresh_token":"{{_server.IssueRefresh()}}","user_email":"agent@example.com"}""";
        _temp.Write(Path.Combine("home", ".ravi", "auth.json"), complete[..25]); // the CLI is in the middle of rewriting it
        using var client = CliClient(Environment());
        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        File.WriteAllText(HomeAuth, complete);

        await client.Auth.GetCurrentUserAsync();
        Assert.Equal("Bearer " + access, _server.Handler.Requests.Last().Authorization);
    }

    [Fact]
    public void The_identity_is_resolved_on_first_use_and_again_when_an_identity_call_lacks_one()
    {
        using var client = CliClient(Environment());
        Assert.Throws<RaviIdentityRequiredException>(() => client.Events.StreamAsync());

        _temp.Write(Path.Combine("home", ".ravi", "config.json"), $$"""{"identity_uuid":"{{TestClients.Identity}}","identity_name":"a"}""");

        Assert.NotNull(client.Events.StreamAsync()); // the identity chain ran again
        Assert.Equal(TestClients.Identity, client.IdentityUuid);
    }

    [Fact]
    public async Task Another_process_rotating_opaque_tokens_is_adopted_without_failing_a_call()
    {
        _server.Opaque = true;
        var a1 = _server.IssueAccess();
        var r1 = _server.IssueRefresh();
        var path = _temp.Write("auth.json", $$"""{"access_token":"{{a1}}","refresh_token":"{{r1}}","user_email":"agent@example.com"}""");
        RaviClient Process()
        {
            var options = TestClients.Options(_time);
            options.Credential = new RaviCredential(new RaviCliTokenStore(path));
            return TestClients.Create(options, _server.Handler);
        }

        using var first = Process();
        using var second = Process();
        await first.Auth.GetCurrentUserAsync(); // first holds a1/r1 in memory
        _server.Revoke(a1);
        await second.Auth.GetCurrentUserAsync(); // second refreshes with r1 and writes a2/r2
        var a2 = (await new RaviCliTokenStore(path).LoadAsync())!.AccessToken;
        _server.Revoke(a2); // opaque tokens have no exp: a2 has expired too by the time first needs it

        var user = await first.Auth.GetCurrentUserAsync();

        Assert.Equal("agent@example.com", user.Email);
        Assert.Equal(2, _server.RefreshCalls); // second's with r1, then first's with the r2 it found in the file
        Assert.Equal(1, _server.Handler.Requests.Count(r => r.Path == "/api/auth/token/refresh/" && r.Body!.Contains(r1, StringComparison.Ordinal)));
        Assert.True(_server.IsValidAccess((await new RaviCliTokenStore(path).LoadAsync())!.AccessToken));
    }

    [Fact]
    public async Task A_group_or_world_readable_auth_json_is_warned_about()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _temp.Write(Path.Combine("home", ".ravi", "auth.json"), $$"""{"access_token":"{{_server.IssueAccess()}}"}""");
        File.SetUnixFileMode(HomeAuth, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var client = CliClient(Environment());

        await client.Auth.GetCurrentUserAsync();

        var warning = Assert.Single(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(HomeAuth, StringComparison.Ordinal));
        Assert.Contains("readable", warning, StringComparison.Ordinal);
        Assert.Contains("chmod 600", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_tightens_the_directory_to_0700()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var expired = TestJwt.Create(_time.GetUtcNow() - TimeSpan.FromMinutes(1));
        _temp.Write(Path.Combine("home", ".ravi", "auth.json"), $$"""{"access_token":"{{expired}}","refresh_token":"{{_server.IssueRefresh()}}"}""");
        File.SetUnixFileMode(HomeAuth, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var directory = Path.GetDirectoryName(HomeAuth)!;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101); // 0755
        using var client = CliClient(Environment());

        await client.Auth.GetCurrentUserAsync(); // refreshes and saves the rotation

        Assert.Equal(1, _server.RefreshCalls);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(HomeAuth));
    }

    [Fact]
    public async Task An_oversized_auth_json_is_neither_used_nor_rewritten()
    {
        var access = _server.IssueAccess();
        var huge = $$"""{"access_token":"{{access}}","filler":"{{new string('x', 3 * 1024 * 1024)}}"}""";
        _temp.Write(Path.Combine("home", ".ravi", "auth.json"), huge);
        using var client = CliClient(Environment());

        await Assert.ThrowsAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync());

        Assert.Null(_server.Handler.Requests.Last().Authorization);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("larger than", StringComparison.Ordinal));
        var store = new RaviCliTokenStore(HomeAuth);
        await Assert.ThrowsAsync<RaviTokenStoreException>(() => store.SaveAsync(new RaviTokens { AccessToken = "x" }).AsTask());
        Assert.Equal(huge, File.ReadAllText(HomeAuth));
    }

    [Fact]
    public async Task A_login_whose_auth_json_is_a_directory_succeeds_and_reports_that_saving_failed()
    {
        var configDirectory = _temp.Combine("agent");
        Directory.CreateDirectory(Path.Combine(configDirectory, "auth.json")); // not a file
        using var client = CliClient(Environment(), configDirectory);

        var tokens = await client.Auth.LoginAsync("agent@example.com", "hunter2");

        var failure = Assert.IsType<RaviTokenStoreException>(tokens.SaveFailure);
        Assert.Equal(Path.GetFullPath(Path.Combine(configDirectory, "auth.json")), failure.Path);
        Assert.Contains("auth.json", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("not saved", StringComparison.Ordinal));

        await client.Auth.GetCurrentUserAsync(); // signed in for the client's lifetime
        Assert.Equal("Bearer " + tokens.AccessToken, _server.Handler.Requests.Last().Authorization);
    }
}

using Ravi.Sdk.Auth;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

/// <summary>Two "processes" (clients with their own credential over the same auth.json) refreshing at once.</summary>
public sealed class ConcurrentRefreshTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(25); // RaviCliTokenStore's

    private readonly ObservableTimeProvider _time = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_refreshers_on_the_same_auth_json_make_one_refresh_call_and_the_loser_adopts_the_rotated_tokens()
    {
        var server = new FakeAuthServer(_time) { Rotate = true };
        var expired = TestJwt.Create(_time.GetUtcNow() - TimeSpan.FromMinutes(5));
        var refresh = server.IssueRefresh();
        var path = _temp.Write("auth.json", $$"""{"access_token":"{{expired}}","refresh_token":"{{refresh}}","private_key":"keep"}""");
        var gate = new TaskCompletionSource();
        server.BeforeRefresh = () => gate.Task.WaitAsync(TimeSpan.FromSeconds(5));

        RaviClient NewProcess()
        {
            var options = TestClients.Options(_time);
            options.Credential = new RaviCredential(new RaviCliTokenStore(path, _time)); // lock retries on the fake clock
            return TestClients.Create(options, server.Handler);
        }

        using var first = NewProcess();
        using var second = NewProcess();

        var a = Enumerable.Range(0, 20).Select(_ => Task.Run(() => first.Auth.GetCurrentUserAsync())).ToList();
        var b = Enumerable.Range(0, 20).Select(_ => Task.Run(() => second.Auth.GetCurrentUserAsync())).ToList();
        while (server.RefreshCalls == 0)
        {
            await Task.Delay(5);
        }

        // The other process is blocked on auth.json.lock: it has armed the lock's retry delay (25 ms) on the fake clock.
        await _time.WaitUntilArmedAsync(LockRetryDelay);
        gate.SetResult();
        var all = Task.WhenAll(a.Concat(b));
        for (var i = 0; i < 400 && !all.IsCompleted; i++)
        {
            _time.Advance(LockRetryDelay); // the blocked process retries the lock, which the winner lets go after its refresh
            await Task.WhenAny(all, Task.Delay(5));
        }

        var users = await all.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(40, users.Length);
        Assert.Equal(1, server.RefreshCalls);
        Assert.Equal(0, server.Unauthorized);
        var onDisk = await new RaviCliTokenStore(path).LoadAsync();
        Assert.True(server.IsValidAccess(onDisk!.AccessToken));
        Assert.NotEqual(refresh, onDisk.RefreshToken);
        Assert.Contains("\"private_key\": \"keep\"", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_process_that_finds_newer_tokens_on_disk_adopts_them_without_calling_the_server()
    {
        var server = new FakeAuthServer(_time) { Opaque = true };
        var path = _temp.Write("auth.json", """{"access_token":"opaque-stale","refresh_token":"refresh-already-used"}""");
        var options = TestClients.Options(_time);
        options.Credential = new RaviCredential(new RaviCliTokenStore(path));
        using var client = TestClients.Create(options, server.Handler);
        await Assert.ThrowsAnyAsync<RaviAuthenticationException>(() => client.Auth.GetCurrentUserAsync()); // loads "opaque-stale"

        // Meanwhile the CLI (another process) signed in again and wrote new tokens.
        var fresh = server.IssueAccess();
        File.WriteAllText(path, $$"""{"access_token":"{{fresh}}","refresh_token":"{{server.IssueRefresh()}}"}""");
        var refreshCallsBefore = server.RefreshCalls;

        var user = await client.Auth.GetCurrentUserAsync();

        Assert.Equal("agent@example.com", user.Email);
        Assert.Equal(refreshCallsBefore, server.RefreshCalls);
        Assert.Equal("Bearer " + fresh, server.Handler.Requests.Last().Authorization);
    }
}

using System.Text.Json.Nodes;
using Ravi.Sdk.Auth;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

public sealed class CliTokenStoreTests : IDisposable
{
    private const string FullFile = """
        {
          "access_token": "old-access",
          "refresh_token": "old-refresh",
          "expires_at": "2026-01-01T00:00:00Z",
          "user_email": "agent@example.com",
          "pin_salt": "AAECAwQFBgcICQoLDA0ODw==",
          "public_key": "qa2+4C19IyUrHHcnQBi4K0o3NtlOYPca7yReSLCBBH8=",
          "private_key": "uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE=",
          "cli_future_field": {"nested": [1, 2, {"x": true}]},
          "another": 42
        }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Reads_the_cli_auth_file_including_keys_for_the_crypto_layer()
    {
        var path = _temp.Write("auth.json", FullFile);
        var store = new RaviCliTokenStore(path);

        var tokens = await store.LoadAsync();
        var file = await store.ReadAuthFileAsync(CancellationToken.None);

        Assert.Equal("old-access", tokens!.AccessToken);
        Assert.Equal("old-refresh", tokens.RefreshToken);
        Assert.Equal("agent@example.com", tokens.User!.Email);
        Assert.NotNull(file);
        Assert.Equal("uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE=", file.PrivateKey);
        Assert.Equal("qa2+4C19IyUrHHcnQBi4K0o3NtlOYPca7yReSLCBBH8=", file.PublicKey);
        Assert.Equal("AAECAwQFBgcICQoLDA0ODw==", file.PinSalt);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), file.ExpiresAt);
        Assert.DoesNotContain("uPXlULnY", file.ToString());
        Assert.DoesNotContain("old-access", file.ToString());
    }

    [Fact]
    public async Task Client_exposes_the_cli_auth_file_behind_its_credential()
    {
        var dir = _temp.Combine("cfg");
        _temp.Write(Path.Combine("cfg", "auth.json"), FullFile);
        var options = TestClients.Options(new ObservableTimeProvider());
        options.UseCliConfiguration = true;
        options.ConfigDirectory = dir;
        using var client = TestClients.Create(options, new StubHandler(_ => new System.Net.Http.HttpResponseMessage()), new TestEnvironment());

        var file = await RaviCliConfiguration.ReadAuthFileAsync(client.Scope.Pipeline.Credential, CancellationToken.None);

        Assert.Equal("uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE=", file!.PrivateKey);
    }

    [Fact]
    public async Task Save_patches_tokens_and_preserves_every_other_field()
    {
        var path = _temp.Write("auth.json", FullFile);
        var store = new RaviCliTokenStore(path);
        var exp = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var access = TestJwt.Create(exp);

        await store.SaveAsync(new RaviTokens { AccessToken = access, RefreshToken = "new-refresh" });

        var obj = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(access, (string?)obj["access_token"]);
        Assert.Equal("new-refresh", (string?)obj["refresh_token"]);
        Assert.Equal("2026-05-06T07:08:09Z", (string?)obj["expires_at"]);
        Assert.Equal("agent@example.com", (string?)obj["user_email"]);
        Assert.Equal("uPXlULnYIA7Y/aFNIHUO6RI069yTBJxle1a8eJuHfVE=", (string?)obj["private_key"]);
        Assert.Equal("qa2+4C19IyUrHHcnQBi4K0o3NtlOYPca7yReSLCBBH8=", (string?)obj["public_key"]);
        Assert.Equal("AAECAwQFBgcICQoLDA0ODw==", (string?)obj["pin_salt"]);
        Assert.Equal(42, (int)obj["another"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"nested": [1, 2, {"x": true}]}"""), obj["cli_future_field"]));
    }

    [Fact]
    public async Task Save_keeps_the_refresh_token_when_none_is_given_and_keeps_numeric_expiry_numeric()
    {
        var path = _temp.Write("auth.json", """{"access_token":"a","refresh_token":"keep-me","expires_at":1700000000}""");
        var exp = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

        await new RaviCliTokenStore(path).SaveAsync(new RaviTokens { AccessToken = TestJwt.Create(exp) });

        var obj = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal("keep-me", (string?)obj["refresh_token"]);
        Assert.Equal(exp.ToUnixTimeSeconds(), (long)obj["expires_at"]!);
    }

    [Fact]
    public async Task Another_accounts_tokens_never_replace_the_file_and_its_keys()
    {
        var path = _temp.Write("auth.json", FullFile);

        var ex = await Assert.ThrowsAsync<RaviTokenStoreException>(() =>
            new RaviCliTokenStore(path).SaveAsync(new RaviTokens { AccessToken = "a", RefreshToken = "r", User = new AccountUser { Email = "someone-else@example.com" } }).AsTask());

        Assert.Equal(path, ex.Path);
        Assert.Contains("agent@example.com", ex.Message, StringComparison.Ordinal);
        Assert.Equal(FullFile, File.ReadAllText(path));
    }

    [Fact]
    public async Task New_file_is_0600_in_a_new_0700_directory()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _temp.Combine("fresh", ".ravi", "auth.json");
        var store = new RaviCliTokenStore(path);

        await store.SaveAsync(new RaviTokens { AccessToken = "a", RefreshToken = "r" });
        await using (await store.AcquireLockAsync())
        {
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + ".lock"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Rewriting_a_world_readable_file_makes_it_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _temp.Write("auth.json", FullFile);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await new RaviCliTokenStore(path).SaveAsync(new RaviTokens { AccessToken = "a" });

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Writes_are_atomic_readers_never_see_a_partial_file_and_no_temp_files_remain()
    {
        var path = _temp.Write("auth.json", FullFile);
        var store = new RaviCliTokenStore(path);
        var padding = new string('x', 64 * 1024); // a big token makes a torn write observable
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var obj = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
                    if ((string?)obj["private_key"] is null || obj["access_token"] is null)
                    {
                        Interlocked.Increment(ref torn);
                    }

                    Interlocked.Increment(ref reads);
                }
                catch (System.Text.Json.JsonException)
                {
                    Interlocked.Increment(ref torn);
                }
                catch (IOException)
                {
                    // transient sharing violation on some platforms; not a torn read
                }
            }
        });

        for (var i = 0; i < 150; i++)
        {
            await store.SaveAsync(new RaviTokens { AccessToken = $"access-{i}-{padding}", RefreshToken = $"refresh-{i}" });
        }

        await stop.CancelAsync();
        await reader;

        Assert.Equal(0, torn);
        Assert.True(reads > 0);
        Assert.Equal(["auth.json"], Directory.GetFiles(_temp.Path).Select(f => Path.GetFileName(f)).Where(n => !n.EndsWith(".lock")).ToArray());
        Assert.Equal("refresh-149", (await store.LoadAsync())!.RefreshToken);
    }

    [Fact]
    public async Task Clear_deletes_the_file()
    {
        var path = _temp.Write("auth.json", FullFile);
        var store = new RaviCliTokenStore(path);

        await store.ClearAsync();

        Assert.False(File.Exists(path));
        Assert.Null(await store.LoadAsync());
    }

    [Fact]
    public async Task Signing_out_a_client_that_never_signed_in_touches_nothing_on_disk()
    {
        var dir = _temp.Combine("never", ".ravi");
        var credential = RaviCredential.SignedOut(RaviCliTokenStore.ForDirectory(dir));

        await credential.UpdateAsync(null);

        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task The_lock_is_exclusive_and_times_out_while_held()
    {
        var path = _temp.Combine("auth.json");
        var holder = new RaviCliTokenStore(path);
        var waiter = new RaviCliTokenStore(path) { LockTimeout = TimeSpan.FromMilliseconds(200) };

        await using (await holder.AcquireLockAsync())
        {
            await Assert.ThrowsAsync<RaviException>(async () => await waiter.AcquireLockAsync());
        }

        await using (await waiter.AcquireLockAsync())
        {
        }
    }

    [Fact]
    public async Task A_waiting_lock_is_granted_when_released()
    {
        var path = _temp.Combine("auth.json");
        var time = new ObservableTimeProvider();
        var holder = new RaviCliTokenStore(path, time);
        var waiter = new RaviCliTokenStore(path, time);
        var held = await holder.AcquireLockAsync();

        var waiting = waiter.AcquireLockAsync().AsTask();
        var retryIn = await time.NextTimerAsync(); // the waiter found the lock taken and waits (fake clock) to try again
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        time.Advance(retryIn);
        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(5)))
        {
        }
    }
}

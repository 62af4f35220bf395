using Ravi.Sdk.Auth;
using Ravi.Sdk.Models;
using Ravi.Sdk.Testing;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Auth;

/// <summary>A credential shared by clients that log to different places keeps no logger: each renewal logs to the client that started it.</summary>
public sealed class SharedCredentialLoggingTests
{
    [Fact]
    public async Task A_renewal_of_a_shared_credential_logs_to_the_client_that_started_it_not_the_first_client_built()
    {
        await using var server = await RaviTestServer.StartAsync();
        var credential = new RaviCredential(new UnsavableStore(new RaviTokens { AccessToken = server.AccessToken, RefreshToken = server.RefreshToken }));
        using var logsA = new CapturingLoggerProvider();
        using var logsB = new CapturingLoggerProvider();
        using var a = new RaviClient(new RaviClientOptions { BaseAddress = server.BaseAddress, Credential = credential, UseCliConfiguration = false, LoggerFactory = logsA });
        using var b = new RaviClient(new RaviClientOptions { BaseAddress = server.BaseAddress, Credential = credential, UseCliConfiguration = false, LoggerFactory = logsB });
        server.ExpireAllTokens();

        await b.ForIdentity(server.Identity.Uuid).Phone.ListAsync().ToListAsync();

        Assert.Equal(1, server.RefreshCallCount);
        Assert.Contains(logsB.Lines, l => l.Contains("[3008]", StringComparison.Ordinal)); // the renewed tokens could not be saved
        Assert.DoesNotContain(logsA.Lines, l => l.Contains("[3008]", StringComparison.Ordinal));
    }

    private sealed class UnsavableStore(RaviTokens tokens) : IRaviTokenStore
    {
        public ValueTask<RaviTokens?> LoadAsync(CancellationToken cancellationToken = default) => new(tokens);

        public ValueTask SaveAsync(RaviTokens tokens, CancellationToken cancellationToken = default) => throw new IOException("read-only");

        public ValueTask ClearAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}

using Microsoft.Extensions.Hosting;

namespace Ravi.Sdk.Testing.Internal;

/// <summary>
/// The server's host lifetime: none. The default (console lifetime) handles SIGTERM and Ctrl+C by cancelling the
/// process's termination and stopping only this host, so a process that hosts a <see cref="RaviTestServer"/> stayed
/// alive after SIGTERM. The test server is embedded in someone else's process: signals are that process's business
/// (a generic host there still gets them), and the server stops when it is disposed.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

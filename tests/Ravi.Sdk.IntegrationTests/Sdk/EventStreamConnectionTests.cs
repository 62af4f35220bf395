using Ravi.Sdk.Events;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.TestSupport;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// An event stream holds exactly one connection, and gives it up the moment the caller stops reading (counted by the
/// transport's <c>ConnectCallback</c>): not after draining a body that never ends.
/// </summary>
public sealed class EventStreamConnectionTests : SdkTestBase
{
    private readonly ConnectionCounter _connections = new();

    protected override RaviTestServerOptions CreateServerOptions() => new() { KeepAliveInterval = TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task Leaving_the_enumeration_after_an_event_closes_the_connection_at_once()
    {
        var agent = TrackForDisposal(_connections.CreateClient(ClientOptions())).ForIdentity(IdentityUuid);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var enumerator = agent.Events.StreamAsync(cancellationToken: timeout.Token).GetAsyncEnumerator(timeout.Token);
        var first = enumerator.MoveNextAsync().AsTask();
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the stream to open");
        Server.InjectSms(IdentityUuid, "+15550001111", "hello");
        Assert.True(await first);
        Assert.Equal(1, _connections.Live);

        await enumerator.DisposeAsync(); // no read is pending: the response is disposed mid-body

        Assert.Equal(0, _connections.Live);
        Assert.Equal(1, _connections.Opened);
    }

    [Fact]
    public async Task Cancelling_a_pending_read_closes_the_connection_at_once()
    {
        var agent = TrackForDisposal(_connections.CreateClient(ClientOptions())).ForIdentity(IdentityUuid);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            await foreach (var unused in agent.Events.StreamAsync(cancellationToken: stop.Token))
            {
            }
        });
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the stream to open");
        Assert.Equal(1, _connections.Live);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader);

        Assert.Equal(0, _connections.Live);
    }
}

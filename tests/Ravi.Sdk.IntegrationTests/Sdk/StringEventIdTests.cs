using Ravi.Sdk.IntegrationTests.Sdk.Support;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>The id rule against the server's real stream with opaque string ids (<c>evt_1</c>, …), replays and drops.</summary>
public sealed class StringEventIdTests : SdkTestBase
{
    protected override Testing.RaviTestServerOptions CreateServerOptions() => new()
    {
        KeepAliveInterval = TimeSpan.FromMinutes(10),
        EventIdPrefix = "evt_",
    };

    [Fact]
    public async Task String_ids_replayed_after_drops_are_yielded_once_and_in_order()
    {
        var events = await EventIdReplayDriver.RunAsync(Server, CreateIdentityClient(), IdentityUuid, "evt_0", rounds: 8, perRound: 50);

        Assert.Equal(Enumerable.Range(1, 400).Select(i => $"evt_{i}"), events.Select(e => e.Id));
        Assert.True(Server.StreamConnectionCount >= 9);
    }
}

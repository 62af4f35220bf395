using System.Globalization;
using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Shared;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>
/// How many connections an OTP wait holds, counted by the transport's <c>ConnectCallback</c> (issue 10 item 11): while it
/// waits only its event stream holds one, reading the conversation an event points to never opens a second one next to
/// the stream, and nothing is left in the connection pool once the wait is over. Nothing is lost meanwhile.
/// </summary>
public abstract class OtpConnectionTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : OtpConnectionTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : OtpConnectionTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    private const string Sender = "+15550001111";
    private const string StreamPath = "/api/events/stream/";
    private const string InboxPath = "/api/sms-inbox/";

    private readonly ConnectionCounter _connections = new();

    // No keepalive comments unless a test asks: the stream's traffic is the test's.
    protected override RaviTestServerOptions CreateServerOptions() => new() { KeepAliveInterval = TimeSpan.FromMinutes(10) };

    [Fact]
    public async Task While_a_wait_waits_only_its_event_stream_holds_a_connection()
    {
        var agent = CreateCountedClient().ForIdentity(IdentityUuid);

        var wait = agent.Otp.WaitForSmsCodeAsync(Options());
        await StreamConnectedAndCaughtUpAsync();

        // The catch-up poll ran next to the stream on a second connection; that connection must not stay in the pool.
        await WaitUntilAsync(() => _connections.Live <= 1, "the catch-up poll's connection to close");
        Assert.Equal(1, _connections.Live);

        Server.InjectSms(IdentityUuid, Sender, "Your verification code is 482913");
        Assert.Equal("482913", (await wait).Code);
    }

    [Fact]
    public async Task Reading_the_conversation_opens_no_second_connection_and_the_wait_leaves_none_behind()
    {
        var agent = CreateCountedClient().ForIdentity(IdentityUuid);
        var wait = agent.Otp.WaitForSmsCodeAsync(Options());
        await StreamConnectedAndCaughtUpAsync();
        await SettledAsync();
        _connections.ResetPeak();

        Server.InjectSms(IdentityUuid, Sender, "Your verification code is 730164");
        var result = await wait;

        Assert.Equal("730164", result.Code);
        Assert.Equal(1, _connections.Peak); // the stream closed before the conversation was read over another connection
        Assert.Equal(0, _connections.Live); // nothing idle in the pool afterwards
    }

    [Fact]
    public async Task After_a_message_that_does_not_match_the_wait_resumes_its_stream_where_it_was_and_loses_nothing()
    {
        var agent = CreateCountedClient().ForIdentity(IdentityUuid);
        var wait = agent.Otp.WaitForSmsCodeAsync(Options());
        await StreamConnectedAndCaughtUpAsync();
        await SettledAsync();
        _connections.ResetPeak();

        // Two messages at once: the first has no code (the wait reads it, goes on), the second arrives while the stream is
        // closed for that read, so only the resumed stream's replay from Last-Event-ID can bring it.
        var noise = Server.InjectSms(IdentityUuid, "+15559998888", "Your parcel is on its way");
        Server.InjectSms(IdentityUuid, Sender, "Your verification code is 918273");
        var result = await wait;

        Assert.Equal("918273", result.Code);
        var streams = RequestsTo("GET", StreamPath);
        Assert.Equal(noise.EventId.ToString(CultureInfo.InvariantCulture), streams[^1].Header("Last-Event-ID"));
        Assert.Single(RequestsTo("GET", InboxPath)); // a resumed stream needs no catch-up poll: the server replays what it missed
        Assert.Equal(1, _connections.Peak);
        Assert.Equal(0, _connections.Live);
    }

    private static OtpWaitOptions Options() => new() { Timeout = TimeSpan.FromSeconds(30) };

    private RaviClient CreateCountedClient()
    {
        var client = _connections.CreateClient(ClientOptions());
        TrackForDisposal(client);
        return client;
    }

    /// <summary>The wait's stream is open on the server and the server answered its catch-up poll.</summary>
    private async Task StreamConnectedAndCaughtUpAsync()
    {
        await WaitUntilAsync(() => Server.ActiveStreamCount == 1, "the wait's event stream to connect");
        await WaitUntilAsync(() => RequestsTo("GET", InboxPath).Count == 1, "the wait's catch-up poll");
    }

    /// <summary>Gives the catch-up poll's connection the chance to close (bounded; a client that keeps it open fails the assertions after).</summary>
    private async Task SettledAsync()
    {
        for (var i = 0; i < 200 && _connections.Live > 1; i++)
        {
            await Task.Delay(10);
        }
    }
}

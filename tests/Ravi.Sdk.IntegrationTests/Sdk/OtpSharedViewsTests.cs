using Ravi.Sdk.IntegrationTests.Sdk.Support;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Sdk;

/// <summary>Consume-once holds across identity views of one client, and lazily created sub-clients are published once.</summary>
public abstract class OtpSharedViewsTests : SdkTestBase
{
    /// <summary>Against the documented API.</summary>
    public sealed class DocumentedDialect : OtpSharedViewsTests;

    /// <summary>Against the service the official CLI was written for.</summary>
    public sealed class CliDialect : OtpSharedViewsTests
    {
        protected override RaviTestServerDialect Dialect => RaviTestServerDialect.Cli;
    }

    [Fact]
    public async Task Two_views_waiting_for_the_same_identity_never_both_get_one_message()
    {
        var root = CreateClient();
        var first = root.ForIdentity(IdentityUuid);
        var second = root.ForIdentity(IdentityUuid);
        var options = new OtpWaitOptions { Timeout = TimeSpan.FromSeconds(4), Transport = OtpTransport.Sse };

        var waitA = first.Otp.WaitForSmsCodeAsync(options);
        var waitB = second.Otp.WaitForSmsCodeAsync(options);
        await WaitUntilAsync(() => Server.ActiveStreamCount >= 2, "both waits connected their event streams");
        Server.InjectSms(IdentityUuid, "+15550001111", "Your verification code is 731904");

        var outcomes = await Task.WhenAll(Outcome(waitA), Outcome(waitB));

        Assert.Single(outcomes, o => o == "731904");
        Assert.Single(outcomes, o => o == "timeout");
    }

    [Fact]
    public async Task Concurrent_first_accesses_get_the_same_sub_client()
    {
        var view = CreateClient().ForIdentity(IdentityUuid);
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return view.Otp;
        })).ToArray();
        start.Set();

        var clients = await Task.WhenAll(tasks);

        Assert.All(clients, c => Assert.Same(clients[0], c));
    }

    private static async Task<string> Outcome(Task<OtpResult> wait)
    {
        try
        {
            return (await wait).Code;
        }
        catch (RaviWaitTimeoutException)
        {
            return "timeout";
        }
    }
}

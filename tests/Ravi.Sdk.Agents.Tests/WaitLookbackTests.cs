using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Agents.Tests.Support;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>A code that arrived shortly before wait_for_code is found (the lookback), on one fake clock shared by server and client.</summary>
public sealed class WaitLookbackTests : AgentTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override RaviTestServerOptions CreateServerOptions() => new() { TimeProvider = _time };

    protected override RaviClientOptions ClientOptions()
    {
        var options = base.ClientOptions();
        options.TimeProvider = _time;
        return options;
    }

    private string Call => $$"""{"identity":"{{IdentityUuid}}","channel":"sms","timeout_seconds":2}""";

    [Fact]
    public async Task A_code_that_arrived_8_seconds_before_the_call_is_found()
    {
        Server.InjectSms(IdentityUuid, "+15550001111", "Your code is 808080");
        _time.Advance(TimeSpan.FromSeconds(8));

        var result = Ok(await CallAsync(Tools(), "wait_for_code", Call));

        Assert.Equal("808080", result.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_the_lookback_the_same_code_is_missed_and_the_timeout_says_what_to_do()
    {
        Server.InjectSms(IdentityUuid, "+15550001111", "Your code is 808080");
        _time.Advance(TimeSpan.FromSeconds(8));

        var call = CallAsync(Tools(o => o.WaitLookback = TimeSpan.Zero), "wait_for_code", Call);
        for (var i = 0; i < 500 && !call.IsCompleted; i++)
        {
            await Task.Delay(20);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        var error = Error(await call, "timeout");
        Assert.Contains("call wait_for_code again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_older_than_the_lookback_is_not_returned()
    {
        Server.InjectSms(IdentityUuid, "+15550001111", "Your code is 808080");
        _time.Advance(TimeSpan.FromSeconds(120));

        var call = CallAsync(Tools(), "wait_for_code", Call);
        for (var i = 0; i < 500 && !call.IsCompleted; i++)
        {
            await Task.Delay(20);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Error(await call, "timeout");
    }
}

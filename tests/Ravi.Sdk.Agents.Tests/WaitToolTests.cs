using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Ravi.Sdk.Agents.Tests.Support;

namespace Ravi.Sdk.Agents.Tests;

/// <summary>wait_for_code, wait_for_link and wait_for_email against the real test server.</summary>
public sealed class WaitToolTests : AgentTestBase
{
    private string Identity => $$"""{"identity":"{{IdentityUuid}}" """.TrimEnd();

    [Fact]
    public async Task Either_channel_returns_a_code_that_came_by_email()
    {
        var wait = CallAsync(Tools(), "wait_for_code", Identity + """, "timeout_seconds": 30}""");
        await WaitUntilAsync(() => Server.ActiveStreamCount >= 2, "both channels listen");
        Server.InjectEmail(IdentityUuid, "no-reply@acme.example", "Your Acme sign-in code", "Use 771204 to sign in.");

        var result = Ok(await wait);
        Assert.Equal("771204", result.GetProperty("code").GetString());
        Assert.Equal("email", result.GetProperty("channel").GetString());
        Assert.Equal("no-reply@acme.example", result.GetProperty("from").GetString());
        Assert.False(result.TryGetProperty("also_received", out _));
    }

    [Fact]
    public async Task A_code_is_returned_once_then_the_next_wait_gets_the_next_code()
    {
        var tools = Tools();
        Server.InjectSms(IdentityUuid, "+15550001111", "Code 111111");
        Assert.Equal("111111", Ok(await CallAsync(tools, "wait_for_code", Identity + """, "channel": "sms", "timeout_seconds": 20}""")).GetProperty("code").GetString());

        var second = CallAsync(tools, "wait_for_code", Identity + """, "channel": "sms", "timeout_seconds": 20}""");
        await WaitUntilAsync(() => Server.ActiveStreamCount >= 1, "the second wait listens");
        Server.InjectSms(IdentityUuid, "+15550001111", "Code 222222");
        Assert.Equal("222222", Ok(await second).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Subject_filters_apply_to_email_only()
    {
        var error = Error(await CallAsync(Tools(), "wait_for_code", Identity + """, "channel": "sms", "subject_contains": "Acme"}"""), "invalid_argument");
        Assert.Equal("argument: subject_contains", error.Details);
    }

    [Fact]
    public async Task Wait_for_link_returns_the_verification_link_and_wait_for_email_the_email()
    {
        var tools = Tools();
        Server.InjectEmail(IdentityUuid, "hello@acme.example", "Confirm your email", "Confirm: https://acme.example/verify?token=abc123&u=1 Thanks!",
            "<p>Welcome</p><a href=\"https://acme.example/verify?token=abc123&amp;u=1\">Confirm my email</a>");
        var link = Ok(await CallAsync(tools, "wait_for_link", Identity + """, "timeout_seconds": 20, "link_contains": "acme.example/verify"}"""));
        Assert.Equal("https://acme.example/verify?token=abc123&u=1", link.GetProperty("url").GetString());

        Server.InjectEmail(IdentityUuid, "news@acme.example", "Welcome aboard", "Hello + welcome, agent.");
        var email = Ok(await CallAsync(tools, "wait_for_email", Identity + """, "timeout_seconds": 20, "subject_contains": "welcome"}""")).GetProperty("email");
        Assert.Equal("Hello + welcome, agent.", email.GetProperty("text").GetString());
        Assert.Equal("news@acme.example", email.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Results_read_as_text_keep_plus_signs_and_accents()
    {
        Server.InjectSms(IdentityUuid, "+15550001111", "Café: code 314159");
        var function = Find(Tools(), "wait_for_code");
        var result = await function.InvokeAsync(Args(Identity + """, "channel": "sms", "timeout_seconds": 20}"""));

        foreach (var text in new[] { JsonSerializer.Serialize(result, function.JsonSerializerOptions), JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions) })
        {
            Assert.Contains("\"+15550001111\"", text, StringComparison.Ordinal);
            Assert.Contains("Café", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wait_reports_progress_when_the_caller_asks_for_it()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var reports = new ConcurrentQueue<RaviToolProgress>();
        var tools = Tools(o => o.TimeProvider = time);
        var wait = CallAsync(tools, "wait_for_code", Identity + """, "channel": "sms", "timeout_seconds": 40}""",
            args => args.Context = new Dictionary<object, object?> { [RaviToolProgress.ContextKey] = new Recorder(reports) });

        await WaitUntilAsync(() => !reports.IsEmpty, "the first progress report");
        time.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => reports.Count >= 2, "a report after 5 s");
        Server.InjectSms(IdentityUuid, "+15550001111", "Code 606060");
        Assert.Equal("606060", Ok(await wait).GetProperty("code").GetString());

        var list = reports.ToList();
        Assert.Equal(new RaviToolProgress(0, 40, "Waiting for an SMS code: 0 s of 40 s"), list[0]);
        Assert.Equal(5, list[1].Progress);
        Assert.Equal(40, list[1].Total);
    }

    [Fact]
    public async Task A_progress_sink_among_the_invocation_services_is_used_too()
    {
        var reports = new ConcurrentQueue<RaviToolProgress>();
        var services = new ServiceCollection()
            .AddSingleton<IProgress<RaviToolProgress>>(new Recorder(reports))
            .BuildServiceProvider();
        var wait = CallAsync(Tools(), "wait_for_code", Identity + """, "channel": "sms", "timeout_seconds": 20}""", args => args.Services = services);
        await WaitUntilAsync(() => !reports.IsEmpty, "the first progress report");
        Server.InjectSms(IdentityUuid, "+15550001111", "Code 717171");
        Assert.Equal("717171", Ok(await wait).GetProperty("code").GetString());
        Assert.Equal(20, reports.First().Total);
    }

    [Fact]
    public async Task Without_a_progress_sink_nothing_is_reported_and_the_wait_still_works()
    {
        Server.InjectSms(IdentityUuid, "+15550001111", "Code 515151");
        Assert.Equal("515151", Ok(await CallAsync(Tools(), "wait_for_code", Identity + """, "channel": "sms"}""")).GetProperty("code").GetString());
    }

    private sealed class Recorder(ConcurrentQueue<RaviToolProgress> reports) : IProgress<RaviToolProgress>
    {
        public void Report(RaviToolProgress value) => reports.Enqueue(value);
    }
}

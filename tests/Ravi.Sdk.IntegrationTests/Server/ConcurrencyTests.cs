using System.Text.Json.Nodes;

namespace Ravi.Sdk.IntegrationTests.Server;

public sealed class ConcurrencyTests : ServerTestBase
{
    [Fact]
    public async Task Concurrent_refreshes_of_one_rotating_token_succeed_exactly_once()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Api.PostAsync("api/auth/token/refresh/", new JsonObject { ["refresh"] = Server.RefreshToken })));

        Assert.Single(responses, r => r.Code == 200);
        Assert.All(responses.Where(r => r.Code != 200), r => Assert.Equal("token_not_valid", r.Expect(401).ErrorCode));
        Assert.Equal(200, Server.RefreshCallCount);
    }

    [Fact]
    public async Task Concurrent_sends_never_exceed_the_hourly_limit()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Api.PostAsync("api/email-messages/compose/", new JsonObject { ["to"] = $"r{i}@example.com", ["subject"] = "s", ["body"] = "b" })));

        Assert.Equal(60, responses.Count(r => r.Code == 201));
        Assert.Equal(40, responses.Count(r => r.Code == 429));
        Assert.Equal(60, Server.SentEmails.Count);
        Assert.Equal(60, Server.SentEmails.Select(s => s.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_injection_and_reads_stay_consistent()
    {
        var inject = Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                Server.InjectSms(Server.Identity.Uuid, "+1555000" + (i % 7).ToString("D4"), "m" + i);
            }
        });
        var reads = Enumerable.Range(0, 30).Select(_ => Api.GetAsync("api/sms-inbox/")).ToList();
        await inject;
        foreach (var read in reads)
        {
            (await read).Expect(200);
        }

        var messages = (await Api.GetAsync("api/messages/")).Expect(200).Array;
        Assert.Equal(300, messages.Count);
        Assert.Equal(7, (await Api.GetAsync("api/sms-inbox/")).Expect(200).Array.Count);
        Assert.Equal(300, Server.GetLastEventId(Server.Identity.Uuid));
    }
}

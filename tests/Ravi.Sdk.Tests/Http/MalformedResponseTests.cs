using System.Net;
using System.Text.Json;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http;

/// <summary>
/// A 2xx response whose body is not what the SDK expects becomes a <see cref="RaviApiException"/> (never a
/// <see cref="JsonException"/>), and <c>next</c> links are only followed on the API host, so the token never leaks.
/// </summary>
public sealed class MalformedResponseTests
{
    public static TheoryData<string, string> MalformedObjects => new()
    {
        { "truncated", """{"uuid":"5a0e8c1f-3b2d""" },
        { "not json", "Service temporarily unavailable" },
        { "html", "<html><body>captive portal</body></html>" },
        { "empty body", "" },
        { "json null", "null" },
        { "array instead of object", "[]" },
        { "number where string expected", """{"uuid":"u","name":123}""" },
        { "bool where an id expected", """{"uuid":true,"name":"x"}""" },
        { "missing required field", """{"name":"only-a-name"}""" },
        { "bad date", """{"uuid":"u","name":"n","created_dt":"yesterday"}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedObjects))]
    public async Task Malformed_object_body_is_api_exception(string name, string body)
    {
        _ = name;
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/identities/" + Samples.OtherIdentityUuid + "/", body);

        var ex = await Record.ExceptionAsync(() => h.Client.Identities.GetAsync(Samples.OtherIdentityUuid));

        var api = Assert.IsType<RaviApiException>(ex, exactMatch: true);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.True(api.InnerException is null or JsonException, api.InnerException?.GetType().FullName);
    }

    public static TheoryData<string, string> MalformedLists => new()
    {
        { "truncated array", "[{\"uuid\":\"a\",\"name\":\"b\"}," },
        { "not json", "oops" },
        { "empty body", "" },
        { "json null", "null" },
        { "string", "\"results\"" },
        { "page without results", """{"count":1,"next":null}""" },
        { "array of numbers", "[1,2]" },
        { "truncated page", """{"count":1,"results":[""" },
    };

    [Theory]
    [MemberData(nameof(MalformedLists))]
    public async Task Malformed_list_body_is_api_exception(string name, string body)
    {
        _ = name;
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/identities/", body);

        var ex = await Record.ExceptionAsync(() => h.Client.Identities.ListAsync().ToListAsync().AsTask());

        var api = Assert.IsType<RaviApiException>(ex, exactMatch: true);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Malformed_body_of_a_send_is_api_exception()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Post, "api/email-messages/compose/", "{\"id\":");

        var ex = await Record.ExceptionAsync(() => h.Scoped.EmailMessages.ComposeAsync(new ComposeEmailRequest { To = "a@b.c" }));

        Assert.IsType<RaviApiException>(ex, exactMatch: true);
    }

    [Theory]
    [InlineData("https://evil.test/api/email-messages/?offset=2")]
    [InlineData("//evil.test/api/email-messages/?offset=2")]
    [InlineData("http://ravi.test/api/email-messages/?offset=2")]
    [InlineData("https://ravi.test:8443/api/email-messages/?offset=2")]
    [InlineData("https://ravi.test.evil.test/api/email-messages/?offset=2")]
    public async Task Next_link_to_another_origin_is_refused_and_nothing_is_sent_there(string next)
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-messages/", $$"""{"count":3,"next":"{{next}}","results":[{{Samples.EmailMessageJson(1)}}]}""");
        var seen = new List<long>();

        var ex = await Record.ExceptionAsync(async () =>
        {
            await foreach (var m in h.Scoped.EmailMessages.ListAsync())
            {
                seen.Add(m.Id);
            }
        });

        var ravi = Assert.IsType<RaviException>(ex, exactMatch: true);
        Assert.Contains("another origin", ravi.Message, StringComparison.Ordinal);
        Assert.Equal([1L], seen);
        var only = h.SingleRequest();
        Assert.Equal("ravi.test", only.Uri.Host);
        Assert.DoesNotContain(h.Requests, r => r.Uri.Authority != "ravi.test");
    }

    [Fact]
    public async Task Next_link_pointing_back_to_a_read_page_stops_the_enumeration()
    {
        using var h = new WireHarness();
        h.ExpectJson(HttpMethod.Get, "api/email-messages/", $$"""{"next":"https://ravi.test/api/email-messages/?offset=1","results":[{{Samples.EmailMessageJson(1)}}]}""");
        h.ExpectJson(HttpMethod.Get, "api/email-messages/?offset=1", $$"""{"next":"https://ravi.test/api/email-messages/","results":[{{Samples.EmailMessageJson(2)}}]}""");

        var messages = await h.Scoped.EmailMessages.ListAsync().ToListAsync();

        Assert.Equal([1L, 2L], messages.Select(m => m.Id));
        h.AllRequests(2);
    }
}

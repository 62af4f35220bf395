using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Tests.Events;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Otp;

public sealed class OtpWaitTests : IDisposable
{
    private const string Base = "https://ravi.test/";
    private const string Identity = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly MockHttpMessageHandler _mock = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly HttpClient _http;
    private readonly RaviClient _client;

    public OtpWaitTests()
    {
        _http = _mock.ToHttpClient();
        _client = new RaviClient(_http, new RaviClientOptions
        {
            BaseAddress = new Uri(Base),
            AccessToken = "test-token",
            IdentityUuid = Identity,
            UseCliConfiguration = false,
            TimeProvider = _time,
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _mock.Dispose();
    }

    private static OtpWaitOptions Polling(Action<OtpWaitOptions>? configure = null)
    {
        var o = new OtpWaitOptions { Transport = OtpTransport.Polling, Timeout = TimeSpan.FromSeconds(30) };
        configure?.Invoke(o);
        return o;
    }

    [Fact]
    public async Task PollingReturnsTheNewestInboundCodeInTheWindow()
    {
        SmsInbox(Conversation("conv-1", "+15551234567", T0.AddSeconds(2)));
        SmsDetail("conv-1", "+15551234567",
            Sms(1, "Your code is 111111", T0.AddHours(-1)),            // unread but stale
            Sms(2, "Your code is 222222", T0.AddSeconds(1)),
            Sms(3, "Thanks, 999999 works", T0.AddSeconds(2), "outbound"));

        var result = await _client.Otp.WaitForSmsCodeAsync(Polling());

        Assert.Equal("222222", result.Code);
        Assert.Equal(OtpChannel.Sms, result.Channel);
        Assert.Equal(2, result.MessageId);
        Assert.Equal("conv-1", result.ConversationId);
        Assert.Null(result.ThreadId);
        Assert.Equal("+15551234567", result.From);
        Assert.Equal(T0.AddSeconds(1), result.ReceivedAt);
        Assert.Equal("Your code is 222222", result.Text);
        Assert.DoesNotContain("222222", result.ToString());
    }

    [Fact]
    public async Task ToleratesClockSkewButNotStaleCodes()
    {
        SmsInbox(Conversation("conv-1", "+1555", T0));
        SmsDetail("conv-1", "+1555",
            Sms(1, "Your code is 111111", T0.AddSeconds(-10)),
            Sms(2, "Your code is 222222", T0.AddSeconds(-3)));

        Assert.Equal("222222", (await _client.Otp.WaitForSmsCodeAsync(Polling())).Code);

        var ex = await RunAsync(_client.Otp.WaitForSmsCodeAsync(Polling()));
        Assert.IsType<RaviWaitTimeoutException>(ex); // 111111 is older than the 5 s tolerance
    }

    [Fact]
    public async Task AnExplicitSinceIsHonoured()
    {
        SmsInbox(Conversation("conv-1", "+1555", T0));
        SmsDetail("conv-1", "+1555", Sms(1, "Your code is 111111", T0.AddMinutes(-10)));

        var result = await _client.Otp.WaitForSmsCodeAsync(Polling(o => o.Since = T0.AddMinutes(-15)));
        Assert.Equal("111111", result.Code);
    }

    [Fact]
    public async Task EachMessageIsReturnedOnlyOnce()
    {
        SmsInbox(Conversation("conv-1", "+1555", T0.AddSeconds(2)));
        SmsDetail("conv-1", "+1555",
            Sms(1, "Your code is 333333", T0.AddSeconds(1)),
            Sms(2, "Your code is 444444", T0.AddSeconds(2)));

        Assert.Equal("444444", (await _client.Otp.WaitForSmsCodeAsync(Polling())).Code);
        Assert.Equal("333333", (await _client.Otp.WaitForSmsCodeAsync(Polling())).Code);
        Assert.IsType<RaviWaitTimeoutException>(await RunAsync(_client.Otp.WaitForSmsCodeAsync(Polling())));
    }

    [Fact]
    public async Task TimeoutNamesTheCriteria()
    {
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond("application/json", "[]");

        var ex = Assert.IsType<RaviWaitTimeoutException>(await RunAsync(
            _client.Otp.WaitForSmsCodeAsync(Polling(o => { o.FromContains = "+1999"; o.TextContains = "Acme"; }))));

        Assert.Equal(TimeSpan.FromSeconds(30), ex.Timeout);
        Assert.Equal(T0.AddSeconds(-5), ex.Since);
        Assert.Contains("an SMS code from a sender containing '+1999' with text containing 'Acme'", ex.Message);
        Assert.Contains("30 s", ex.Message);
        Assert.Contains(ex.Awaited, ex.Message);
    }

    [Fact]
    public async Task PollsAgainWithBackoffUntilTheCodeArrives()
    {
        var polls = 0;
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond(_ =>
        {
            polls++;
            return Json(polls < 3 ? "[]" : $"[{Conversation("conv-1", "+1555", T0.AddSeconds(2))}]");
        });
        SmsDetail("conv-1", "+1555", Sms(9, "Your code is 765432", T0.AddSeconds(2)));

        var wait = _client.Otp.WaitForSmsCodeAsync(Polling());
        await DriveAsync(wait, TimeSpan.FromMilliseconds(250));

        Assert.Equal("765432", (await wait).Code);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task TransientErrorsDoNotEndTheWait()
    {
        var polls = 0;
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond(_ =>
            ++polls == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Json($"[{Conversation("conv-1", "+1555", T0)}]"));
        SmsDetail("conv-1", "+1555", Sms(1, "Your code is 121212", T0));

        var wait = _client.Otp.WaitForSmsCodeAsync(Polling());
        await DriveAsync(wait, TimeSpan.FromMilliseconds(500));
        Assert.Equal("121212", (await wait).Code);
    }

    [Fact]
    public async Task SenderAndTextFiltersApply()
    {
        SmsInbox(Conversation("conv-a", "+15550000000", T0), Conversation("conv-b", "+19995550000", T0));
        SmsDetail("conv-a", "+15550000000", Sms(1, "Your code is 111111", T0));
        SmsDetail("conv-b", "+19995550000", Sms(2, "Other code 222222", T0), Sms(3, "Acme code 333333", T0.AddSeconds(-1)));

        var result = await _client.Otp.WaitForSmsCodeAsync(Polling(o => { o.FromContains = "1999"; o.TextContains = "acme"; }));

        Assert.Equal("333333", result.Code);
    }

    [Fact]
    public async Task CustomPatternAndExtractor()
    {
        SmsInbox(Conversation("conv-1", "+1555", T0));
        SmsDetail("conv-1", "+1555", Sms(1, "Your login token: AB12CD (ref 998877)", T0), Sms(2, "Magic word: swordfish", T0.AddSeconds(-1)));

        var byPattern = await _client.Otp.WaitForSmsCodeAsync(Polling(o => o.CodePattern = new Regex("token: (?<code>[A-Z0-9]{6})")));
        Assert.Equal("AB12CD", byPattern.Code);

        var byDelegate = await _client.Otp.WaitForSmsCodeAsync(Polling(o => o.CodeExtractor = t => t.StartsWith("Magic word: ", StringComparison.Ordinal) ? t[12..] : null));
        Assert.Equal("swordfish", byDelegate.Code);
    }

    [Fact]
    public async Task EmailCodeFromAnHtmlOnlyBodyWithSubjectFilter()
    {
        EmailInbox(Thread("th-1", T0));
        EmailDetail("th-1",
            Email(1, "news@shop.example", "Weekly deals", null, "<p>Use code 2024 for 20% off</p>", T0.AddSeconds(1)),
            Email(2, "no-reply@acme.example", "Your Acme sign-in code", null, "<p>Your code is</p><h1>&nbsp;804&#45;113&nbsp;</h1>", T0.AddSeconds(1)));

        var result = await _client.Otp.WaitForEmailCodeAsync(Polling(o => o.SubjectContains = "acme"));

        Assert.Equal("804113", result.Code);
        Assert.Equal(OtpChannel.Email, result.Channel);
        Assert.Equal("no-reply@acme.example", result.From);
        Assert.Equal("Your Acme sign-in code", result.Subject);
        Assert.Equal("th-1", result.ThreadId); // an email thread id is never reported as a conversation id
        Assert.Null(result.ConversationId);
    }

    [Fact]
    public async Task WaitForEmailReturnsTheMatchingMessage()
    {
        EmailInbox(Thread("th-1", T0));
        EmailDetail("th-1",
            Email(1, "a@x.example", "Welcome", "Hello!", null, T0.AddSeconds(1)),
            Email(2, "b@y.example", "Invoice", "Attached.", null, T0.AddSeconds(2)));

        var email = await _client.Otp.WaitForEmailAsync(Polling(o => o.FromContains = "A@X"));

        Assert.Equal(1, email.Id);
        Assert.Equal("Welcome", email.Subject);
    }

    [Fact]
    public async Task WaitForLinkReturnsTheVerificationLink()
    {
        EmailInbox(Thread("th-1", T0));
        EmailDetail("th-1", Email(1, "hello@app.example", "Verify your email", null,
            """<a href="https://app.example"><img src="https://app.example/logo.png"></a><a href="https://app.example/verify?t=XYZ&amp;u=7">Verify email</a><a href="https://app.example/unsubscribe">Unsubscribe</a>""",
            T0.AddSeconds(1)));

        var link = await _client.Otp.WaitForLinkAsync(Polling());

        Assert.Equal("https://app.example/verify?t=XYZ&u=7", link.Url.OriginalString);
        Assert.Equal("Verify email", link.Text);
        Assert.Equal(1, link.Message.Id);
        Assert.DoesNotContain("XYZ", link.ToString());
    }

    [Fact]
    public async Task SseEventsTriggerAFetchOfTheConversation()
    {
        var stream = new ControlledStream();
        var streamRequest = _mock.When(HttpMethod.Get, Base + "api/events/stream/");
        streamRequest.Respond(_ => EventStream(stream));
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond("application/json", "[]");
        var detail = SmsDetail("conv-9", "+1555", Sms(5, "Your verification code is 918273", T0.AddSeconds(1)));

        var wait = _client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Transport = OtpTransport.Sse, Timeout = TimeSpan.FromSeconds(30) });
        using (var opened = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (_mock.GetMatchCount(streamRequest) == 0) // bounded: until the wait has opened its event stream
            {
                await Task.Delay(5, opened.Token);
            }
        }

        Assert.False(wait.IsCompleted); // the stream is open and has said nothing: the wait goes on (the fake clock stands still)
        Assert.Equal(0, _mock.GetMatchCount(detail));

        stream.Send("id: 1\nevent: sms\ndata: {\"conversation_id\":\"conv-9\",\"from_number\":\"+1555\",\"preview\":\"Your verification code is 918273\"}\n\n");

        var result = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("918273", result.Code);
        Assert.Equal(1, _mock.GetMatchCount(detail));
        await stream.Disposed.WaitAsync(TimeSpan.FromSeconds(10)); // the wait closed its event stream
    }

    [Fact]
    public async Task CatchesUpWithMessagesThatArrivedBeforeTheStreamConnected()
    {
        var stream = new ControlledStream();
        _mock.When(HttpMethod.Get, Base + "api/events/stream/").Respond(_ => EventStream(stream));
        SmsInbox(Conversation("conv-1", "+1555", T0));
        SmsDetail("conv-1", "+1555", Sms(1, "Your code is 246810", T0));

        var result = await _client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Timeout = TimeSpan.FromSeconds(30) }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("246810", result.Code);
    }

    [Fact]
    public async Task AutoFallsBackToPollingWhenTheStreamIsUnavailable()
    {
        _mock.When(HttpMethod.Get, Base + "api/events/stream/").Respond(HttpStatusCode.NotFound, "application/json", "{\"detail\":\"Not found.\"}");
        SmsInbox(Conversation("conv-1", "+1555", T0));
        SmsDetail("conv-1", "+1555", Sms(1, "Your code is 135790", T0));

        var result = await _client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Timeout = TimeSpan.FromSeconds(30) }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("135790", result.Code);
    }

    [Fact]
    public async Task SseOnlyReportsAnUnavailableStream()
    {
        _mock.When(HttpMethod.Get, Base + "api/events/stream/").Respond(HttpStatusCode.Forbidden, "application/json", "{\"detail\":\"nope\"}");

        var ex = await Assert.ThrowsAsync<RaviException>(() =>
            _client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Transport = OtpTransport.Sse }).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.IsType<RaviForbiddenException>(ex.InnerException);
    }

    [Fact]
    public void ValidatesBeforeAnyRequest()
    {
        Assert.Throws<ArgumentException>("options", () => { _ = _client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { SubjectContains = "x" }); });
        Assert.Throws<ArgumentException>("options", () => { _ = _client.Otp.WaitForEmailCodeAsync(new OtpWaitOptions { Timeout = TimeSpan.Zero }); });
        Assert.Throws<ArgumentException>("options", () => { _ = _client.Otp.WaitForEmailCodeAsync(new OtpWaitOptions { CodePattern = new Regex("x"), CodeExtractor = _ => "x" }); });

        using var http = _mock.ToHttpClient();
        using var noIdentity = new RaviClient(http, new RaviClientOptions { BaseAddress = new Uri(Base), AccessToken = "t", UseCliConfiguration = false });
        Assert.Throws<RaviIdentityRequiredException>(() => { _ = noIdentity.Otp.WaitForSmsCodeAsync(); });
        Assert.Throws<RaviIdentityRequiredException>(() => { _ = noIdentity.Otp.WaitForLinkAsync(); });
    }

    [Fact]
    public async Task CallerCancellationIsNotATimeout()
    {
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond("application/json", "[]");
        using var cts = new CancellationTokenSource();
        var wait = _client.Otp.WaitForSmsCodeAsync(Polling(), cancellationToken: cts.Token);
        await Task.Delay(20);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Advances the fake clock in small steps until the task completes; returns its exception (or null).</summary>
    private async Task<Exception?> RunAsync(Task task)
    {
        await DriveAsync(task, TimeSpan.FromSeconds(1));
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private async Task DriveAsync(Task task, TimeSpan step)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            await Task.Delay(2);
            _time.Advance(step);
        }

        await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(task.IsCompleted, "the wait did not finish");
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    private static HttpResponseMessage EventStream(Stream stream)
    {
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private void SmsInbox(params string[] conversations) =>
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond("application/json", $"[{string.Join(",", conversations)}]");

    private MockedRequest SmsDetail(string id, string from, params string[] messages) =>
        _mock.When(HttpMethod.Get, Base + $"api/sms-inbox/{id}/").Respond("application/json",
            $$"""{"conversation_id":"{{id}}","from_number":"{{from}}","message_count":{{messages.Length}},"messages":[{{string.Join(",", messages)}}]}""");

    private void EmailInbox(params string[] threads) =>
        _mock.When(HttpMethod.Get, Base + "api/email-inbox/").WithQueryString("unread", "true").Respond("application/json", $"[{string.Join(",", threads)}]");

    private void EmailDetail(string id, params string[] messages) =>
        _mock.When(HttpMethod.Get, Base + $"api/email-inbox/{id}/").Respond("application/json",
            $$"""{"thread_id":"{{id}}","subject":"thread","message_count":{{messages.Length}},"messages":[{{string.Join(",", messages)}}]}""");

    private static string Conversation(string id, string from, DateTimeOffset latest) =>
        $$"""{"conversation_id":"{{id}}","from_number":"{{from}}","preview":"…","message_count":1,"unread_count":1,"latest_message_dt":"{{latest:O}}"}""";

    private static string Sms(long id, string body, DateTimeOffset created, string direction = "inbound") =>
        $$"""{"id":{{id}},"body":{{System.Text.Json.JsonSerializer.Serialize(body)}},"direction":"{{direction}}","is_read":false,"created_dt":"{{created:O}}"}""";

    private static string Thread(string id, DateTimeOffset latest) =>
        $$"""{"thread_id":"{{id}}","subject":"s","preview":"…","from_email":"x@y.z","message_count":1,"unread_count":1,"latest_message_dt":"{{latest:O}}"}""";

    private static string Email(long id, string from, string subject, string? text, string? html, DateTimeOffset created) =>
        $$"""{"id":{{id}},"thread_id":"t","from_email":"{{from}}","to_email":"me@in.ravi.app","subject":{{System.Text.Json.JsonSerializer.Serialize(subject)}},"text_content":{{System.Text.Json.JsonSerializer.Serialize(text)}},"html_content":{{System.Text.Json.JsonSerializer.Serialize(html)}},"direction":"inbound","is_read":false,"attachments":[],"created_dt":"{{created:O}}"}""";
}

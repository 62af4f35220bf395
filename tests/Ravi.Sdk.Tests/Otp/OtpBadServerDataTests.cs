using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Tests.Events;
using RichardSzalay.MockHttp;

namespace Ravi.Sdk.Tests.Otp;

/// <summary>Ids from the server are data, not paths: hostile or broken ones are escaped or skipped, and the wait goes on.</summary>
public sealed class OtpBadServerDataTests : IDisposable
{
    private const string Base = "https://ravi.test/";
    private const string Identity = "3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly MockHttpMessageHandler _mock = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly HttpClient _http;
    private readonly RaviClient _client;
    private readonly List<string> _paths = [];

    public OtpBadServerDataTests()
    {
        _mock.Fallback.Respond(request =>
        {
            lock (_paths)
            {
                _paths.Add(request.RequestUri!.AbsolutePath);
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"detail\":\"Not found.\"}") };
        });
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

    [Fact]
    public async Task An_sms_event_with_a_path_like_conversation_id_does_not_end_the_wait()
    {
        _mock.When(HttpMethod.Get, Base + "api/events/stream/").Respond(request => EventStream(request, Sms(1, "a/../b"), Sms(2, ".."), Sms(3, "%2e%2e"), Sms(4, "conv-9")));
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond("application/json", "[]");
        Detail("conv-9", "Your verification code is 918273");

        var wait = _client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Transport = OtpTransport.Sse, Timeout = TimeSpan.FromSeconds(30) });

        var result = await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("918273", result.Code);
        lock (_paths)
        {
            Assert.Contains("/api/sms-inbox/a%2F..%2Fb/", _paths); // escaped: one segment, never /api/sms-inbox/b/
            Assert.Contains("/api/sms-inbox/%252e%252e/", _paths);
            Assert.DoesNotContain("/api/sms-inbox/b/", _paths);
            Assert.DoesNotContain("/api/", _paths); // ".." was skipped, not sent
        }
    }

    [Fact]
    public async Task Polling_skips_conversations_whose_ids_cannot_be_a_path_segment()
    {
        _mock.When(HttpMethod.Get, Base + "api/sms-inbox/").WithQueryString("unread", "true").Respond("application/json",
            "[" + Conversation("..") + "," + Conversation(" ") + "," + Conversation("x/../../auth/user") + "," + Conversation("conv-1") + "]");
        Detail("conv-1", "Your code is 135790");

        var result = await _client.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Transport = OtpTransport.Polling, Timeout = TimeSpan.FromSeconds(30) })
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("135790", result.Code);
        lock (_paths)
        {
            Assert.Equal(["/api/sms-inbox/x%2F..%2F..%2Fauth%2Fuser/"], _paths);
        }
    }

    [Fact]
    public async Task An_email_event_with_a_path_like_thread_id_does_not_end_the_wait()
    {
        _mock.When(HttpMethod.Get, Base + "api/events/stream/").Respond(request => EventStream(request, Email(1, "../../auth/user"), Email(2, "t-1")));
        _mock.When(HttpMethod.Get, Base + "api/email-inbox/").WithQueryString("unread", "true").Respond("application/json", "[]");
        _mock.When(HttpMethod.Get, Base + "api/email-inbox/t-1/").Respond("application/json",
            $$"""{"thread_id":"t-1","subject":"Code","message_count":1,"messages":[{"id":7,"thread_id":"t-1","from_email":"a@b.c","subject":"Code","text_content":"Your code is 424242","direction":"inbound","is_read":false,"attachments":[],"created_dt":"{{T0.AddSeconds(1):O}}"}]}""");

        var wait = _client.Otp.WaitForEmailCodeAsync(new OtpWaitOptions { Transport = OtpTransport.Sse, Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal("424242", (await wait.WaitAsync(TimeSpan.FromSeconds(10))).Code);
    }

    private void Detail(string id, string body) =>
        _mock.When(HttpMethod.Get, Base + $"api/sms-inbox/{id}/").Respond("application/json",
            $$"""{"conversation_id":"{{id}}","from_number":"+1555","message_count":1,"messages":[{"id":5,"body":"{{body}}","direction":"inbound","is_read":false,"created_dt":"{{T0.AddSeconds(1):O}}"}]}""");

    private static string Conversation(string id) =>
        $$"""{"conversation_id":{{System.Text.Json.JsonSerializer.Serialize(id)}},"from_number":"+1555","preview":"…","message_count":1,"unread_count":1,"latest_message_dt":"{{T0:O}}"}""";

    private static string Sms(int id, string conversationId) =>
        $"id: {id}\nevent: sms\ndata: {{\"conversation_id\":{System.Text.Json.JsonSerializer.Serialize(conversationId)},\"from_number\":\"+1555\",\"preview\":\"code\"}}\n\n";

    private static string Email(int id, string threadId) =>
        $"id: {id}\nevent: email\ndata: {{\"thread_id\":{System.Text.Json.JsonSerializer.Serialize(threadId)},\"from_email\":\"a@b.c\",\"subject\":\"Code\",\"preview\":\"code\"}}\n\n";

    /// <summary>
    /// The stream as the API serves it: the events after the request's <c>Last-Event-ID</c> (all of them without one; they
    /// are numbered from 1), then silence. The OTP wait closes its stream to read a conversation and resumes from the id.
    /// </summary>
    private static HttpResponseMessage EventStream(HttpRequestMessage request, params string[] events)
    {
        var after = request.Headers.TryGetValues("Last-Event-ID", out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var stream = new ControlledStream().Send(string.Concat(events.Skip(after)));
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}

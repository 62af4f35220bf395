using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Ravi.Sdk.Otp;
using Ravi.Sdk.Testing;

namespace Ravi.Sdk.IntegrationTests.Diagnostics;

/// <summary>
/// What one call, one retried call, one token refresh and one OTP wait emit, captured with OpenTelemetry's in-memory
/// exporter against <see cref="RaviTestServer"/>. Other tests run in parallel and use the same source and meter, so spans
/// are taken from this test's trace only and metric points from this test's server port only.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime, IDisposable
{
    private static readonly ActivitySource TestSource = new("Ravi.Sdk.IntegrationTests.Telemetry");

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private RaviTestServer _server = null!;
    private RaviClient _client = null!;
    private TracerProvider _tracing = null!;
    private MeterProvider _meters = null!;

    private string IdentityUuid => _server.Identity.Uuid;

    private int Port => _server.BaseAddress.Port;

    public async Task InitializeAsync()
    {
        _server = await RaviTestServer.StartAsync();
        _client = new RaviClient(new RaviClientOptions
        {
            BaseAddress = _server.BaseAddress,
            AccessToken = _server.AccessToken,
            RefreshToken = _server.RefreshToken,
            UseCliConfiguration = false,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
        _tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(RaviTelemetry.ActivitySourceName, "System.Net.Http", TestSource.Name)
            .AddInMemoryExporter(_spans)
            .Build()!;
        _meters = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(RaviTelemetry.MeterName)
            .AddInMemoryExporter(_metrics)
            .Build()!;
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        _tracing?.Dispose();
        _meters?.Dispose();
        _client?.Dispose();
    }

    [Fact]
    public async Task One_call_is_one_operation_span_over_the_http_client_spans_and_one_duration_sample_per_attempt()
    {
        var uuid = await StoreSecretAsync("API_KEY", "v1");
        var agent = _client.ForIdentity(IdentityUuid);

        var root = await RunAsync(() => agent.Vault.GetByKeyAsync("API_KEY"));

        var operation = Assert.Single(Spans(root), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal("Ravi.Vault.GetByKey", operation.DisplayName);
        Assert.Equal(ActivityKind.Internal, operation.Kind);
        Assert.Equal(root.SpanId, operation.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.Equal("127.0.0.1", operation.GetTagItem("server.address"));
        Assert.Equal(Port, operation.GetTagItem("server.port"));
        Assert.Empty(operation.Events);

        var attempts = HttpSpans(root);
        Assert.Equal(2, attempts.Count); // the list with ?key= and the get: no span of the SDK's own per attempt
        Assert.All(attempts, a =>
        {
            Assert.Equal(operation.SpanId, a.ParentSpanId);
            Assert.Equal(ActivityKind.Client, a.Kind);
            Assert.Equal("GET", a.GetTagItem("http.request.method"));
            Assert.Equal(Port, a.GetTagItem("server.port"));
            Assert.Equal(200, a.GetTagItem("http.response.status_code"));
        });
        Assert.Equal($"{_server.BaseAddress}api/vault/?*", attempts[0].GetTagItem("url.full")); // query values redacted by .NET
        Assert.Equal($"{_server.BaseAddress}api/vault/{uuid}/", attempts[1].GetTagItem("url.full"));

        var duration = Points("ravi.client.request.duration");
        var point = Assert.Single(duration);
        Assert.Equal(2, point.GetHistogramCount());
        Assert.Equal(Tags(("http.request.method", "GET"), ("server.address", "127.0.0.1"), ("server.port", Port), ("http.response.status_code", 200)), TagsOf(point));
        Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, double.PositiveInfinity], Bounds(point));
        Assert.Empty(Points("ravi.client.retries"));
    }

    [Fact]
    public async Task A_retried_call_is_one_operation_span_with_a_retry_event_and_counts_the_retry()
    {
        await StoreSecretAsync("API_KEY", "v1");
        var agent = _client.ForIdentity(IdentityUuid);
        _server.FailNext(1, 503, pathPrefix: "/api/vault/", method: "GET");

        var root = await RunAsync(() => agent.Vault.GetByKeyAsync("API_KEY"));

        var operation = Assert.Single(Spans(root), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal("Ravi.Vault.GetByKey", operation.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status); // the retry succeeded
        var retry = Assert.Single(operation.Events);
        Assert.Equal("ravi.retry", retry.Name);
        Assert.Equal(1, retry.Tags.Single(t => t.Key == "ravi.retry.attempt").Value);
        Assert.Equal("503", retry.Tags.Single(t => t.Key == "error.type").Value);

        var attempts = HttpSpans(root);
        Assert.Equal([503, 200, 200], attempts.Select(a => (int)a.GetTagItem("http.response.status_code")!));
        Assert.All(attempts, a => Assert.Equal(operation.SpanId, a.ParentSpanId));

        var duration = Points("ravi.client.request.duration");
        Assert.Equal(2, duration.Count);
        var failed = Assert.Single(duration, p => TagsOf(p).ContainsKey("error.type"));
        Assert.Equal(("503", 503), ((string)TagsOf(failed)["error.type"]!, (int)TagsOf(failed)["http.response.status_code"]!));
        Assert.Equal(1, failed.GetHistogramCount());
        Assert.Equal(2, Assert.Single(duration, p => !TagsOf(p).ContainsKey("error.type")).GetHistogramCount());

        var retries = Assert.Single(Points("ravi.client.retries"));
        Assert.Equal(1, retries.GetSumLong());
        Assert.Equal(Tags(("http.request.method", "GET"), ("server.address", "127.0.0.1"), ("server.port", Port), ("error.type", "503")), TagsOf(retries));
    }

    [Fact]
    public async Task A_401_answered_by_a_refresh_is_not_an_error_and_the_refresh_is_an_event_and_a_count()
    {
        var agent = _client.ForIdentity(IdentityUuid);
        _server.ExpireAllTokens();

        var root = await RunAsync(() => agent.Phone.ListAsync().ToListAsync().AsTask());

        var operation = Assert.Single(Spans(root), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal("Ravi.Phone.List", operation.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.Equal(["ravi.token_refresh"], operation.Events.Select(e => e.Name));
        Assert.Equal(["GET 401", "POST 200", "GET 200"], HttpSpans(root).Select(a => $"{a.GetTagItem("http.request.method")} {a.GetTagItem("http.response.status_code")}"));

        var duration = Points("ravi.client.request.duration");
        Assert.DoesNotContain(duration, p => TagsOf(p).ContainsKey("error.type"));
        Assert.Single(duration, p => (int)TagsOf(p)["http.response.status_code"]! == 401);
        var refreshes = Assert.Single(Points("ravi.client.token_refreshes"));
        Assert.Equal(1, refreshes.GetSumLong());
        Assert.Equal(Tags(("server.address", "127.0.0.1"), ("server.port", Port)), TagsOf(refreshes));
    }

    [Fact]
    public async Task The_404_before_the_first_encryption_setup_is_not_an_error()
    {
        var root = await RunAsync(() => _client.Encryption.SetupAsync("482916"));

        var operation = Assert.Single(Spans(root), s => s.Source.Name == RaviTelemetry.ActivitySourceName); // the check and the upload
        Assert.Equal("Ravi.Encryption.Setup", operation.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.Equal(2, HttpSpans(root).Count);
        var notFound = Assert.Single(Points("ravi.client.request.duration"), p => (int)TagsOf(p)["http.response.status_code"]! == 404);
        Assert.False(TagsOf(notFound).ContainsKey("error.type"));
    }

    [Fact]
    public async Task Unlocking_is_one_operation_span_and_a_wrong_pin_marks_it_failed()
    {
        await _client.Encryption.SetupAsync("482916");
        using var other = new RaviClient(new RaviClientOptions { BaseAddress = _server.BaseAddress, AccessToken = _server.AccessToken, UseCliConfiguration = false });

        var root = await RunAsync(() => other.Encryption.UnlockAsync("482916"));
        var wrong = await RunAsync(() => Assert.ThrowsAsync<RaviCryptoException>(() => other.Encryption.UnlockAsync("111111")));

        var operation = Assert.Single(Spans(root), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal("Ravi.Encryption.Unlock", operation.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        var failed = Assert.Single(Spans(wrong), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal("Ravi.Encryption.Unlock", failed.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(RaviCryptoException).FullName, failed.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_totp_call_is_one_operation_span_named_for_totp_over_the_vault_requests()
    {
        await _client.Encryption.SetupAsync("482916");
        var agent = _client.ForIdentity(IdentityUuid);

        var enroll = await RunAsync(() => agent.Totp.EnrollAsync("otpauth://totp/GitHub:agent?secret=JBSWY3DPEHPK3PXP&issuer=GitHub"));
        var code = await RunAsync(() => agent.Totp.GetCodeAsync("github"));
        var list = await RunAsync(async () => Assert.Single(await agent.Totp.ListAsync().ToListAsync()));
        var delete = await RunAsync(() => agent.Totp.DeleteAsync("github"));

        Assert.Equal("Ravi.Totp.Enroll", Assert.Single(Spans(enroll), s => s.Source.Name == RaviTelemetry.ActivitySourceName).DisplayName);
        Assert.Equal("Ravi.Totp.GetCode", Assert.Single(Spans(code), s => s.Source.Name == RaviTelemetry.ActivitySourceName).DisplayName);
        Assert.Equal("Ravi.Totp.Delete", Assert.Single(Spans(delete), s => s.Source.Name == RaviTelemetry.ActivitySourceName).DisplayName);
        var listing = Assert.Single(Spans(list), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal("Ravi.Totp.List", listing.DisplayName);
        Assert.Equal(2, HttpSpans(list).Count); // the vault page and the enrolment's secret
        Assert.All(HttpSpans(list), a => Assert.Equal(listing.SpanId, a.ParentSpanId));
        Assert.Equal(2, HttpSpans(code).Count); // the list by key and the get, both under the one span
    }

    [Fact]
    public async Task One_otp_wait_is_one_operation_span_and_one_wait_duration_sample()
    {
        var agent = _client.ForIdentity(IdentityUuid);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        _server.InjectSms(IdentityUuid, "+15550000001", "Your code is 604213");

        var root = await RunAsync(() => agent.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Transport = OtpTransport.Polling, Since = since, Timeout = TimeSpan.FromSeconds(30) }));

        var operation = Assert.Single(Spans(root), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal("Ravi.Otp.WaitForSmsCode", operation.DisplayName);
        Assert.Equal(root.SpanId, operation.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.Equal("sms", operation.GetTagItem("ravi.otp.channel"));
        Assert.Equal("polling", operation.GetTagItem("ravi.otp.transport"));
        var attempts = HttpSpans(root);
        Assert.NotEmpty(attempts);
        Assert.All(attempts, a => Assert.Equal(operation.SpanId, a.ParentSpanId));

        var wait = Assert.Single(Points("ravi.client.otp.wait.duration"));
        Assert.Equal(1, wait.GetHistogramCount());
        Assert.Equal(Tags(("ravi.otp.channel", "sms"), ("server.address", "127.0.0.1"), ("server.port", Port)), TagsOf(wait));
        Assert.Equal([0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, double.PositiveInfinity], Bounds(wait));
    }

    [Fact]
    public async Task An_otp_wait_that_times_out_is_an_error_span_and_a_sample_with_its_error_type()
    {
        var agent = _client.ForIdentity(IdentityUuid);

        var root = await RunAsync(() => Assert.ThrowsAsync<RaviWaitTimeoutException>(() =>
            agent.Otp.WaitForSmsCodeAsync(new OtpWaitOptions { Transport = OtpTransport.Polling, Timeout = TimeSpan.FromMilliseconds(300) })));

        var operation = Assert.Single(Spans(root), s => s.Source.Name == RaviTelemetry.ActivitySourceName);
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Equal(typeof(RaviWaitTimeoutException).FullName, operation.GetTagItem("error.type"));
        var wait = Assert.Single(Points("ravi.client.otp.wait.duration"));
        Assert.Equal(typeof(RaviWaitTimeoutException).FullName, TagsOf(wait)["error.type"]);
    }

    private static Dictionary<string, object?> Tags(params (string Key, object? Value)[] tags) => tags.ToDictionary(t => t.Key, t => t.Value);

    private static Dictionary<string, object?> TagsOf(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value is long l && tag.Key is "server.port" or "http.response.status_code" ? (int)l : tag.Value;
        }

        return tags;
    }

    private static List<double> Bounds(MetricPoint point)
    {
        var bounds = new List<double>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        return bounds;
    }

    /// <summary>Runs <paramref name="call"/> under a root span of this test, then flushes both providers.</summary>
    private async Task<Activity> RunAsync(Func<Task> call)
    {
        Activity root;
        using (root = TestSource.StartActivity("test")!)
        {
            await call();
        }

        _tracing.ForceFlush();
        _meters.ForceFlush();
        return root;
    }

    private List<Activity> Spans(Activity root)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.TraceId == root.TraceId && s.SpanId != root.SpanId)];
        }
    }

    private List<Activity> HttpSpans(Activity root) => [.. Spans(root).Where(s => s.Source.Name == "System.Net.Http").OrderBy(s => s.StartTimeUtc)];

    /// <summary>The points of this test's server in the last export of <paramref name="name"/>.</summary>
    private List<MetricPoint> Points(string name) =>
        _metrics.LastOrDefault(m => m.Name == name) is { } metric
            ? [.. metric.MetricPoints.Where(p => TagsOf(p).TryGetValue("server.port", out var port) && Equals(port, Port))]
            : [];

    /// <summary>Stores a plaintext secret with a plain HttpClient, so the SDK's telemetry shows only the call under test.</summary>
    private async Task<string> StoreSecretAsync(string key, string value)
    {
        using var raw = new HttpClient { BaseAddress = _server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/vault/")
        {
            Content = new StringContent($$"""{"key":"{{key}}","value":"{{value}}"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", _server.AccessToken);
        request.Headers.Add("X-Ravi-Identity", IdentityUuid);
        using var response = await raw.SendAsync(request);
        Assert.Equal(201, (int)response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("uuid").GetString()!;
    }
}

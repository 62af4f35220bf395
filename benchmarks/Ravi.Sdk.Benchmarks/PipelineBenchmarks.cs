using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Ravi.Sdk.Models;

namespace Ravi.Sdk.Benchmarks;

/// <summary>
/// <c>GET /api/identities/</c> returning 50 identities, through the SDK's full pipeline (resilience handler with its Polly
/// pipeline, token handler, logging handler, an identity view, list parsing with the source-generated context) versus a
/// hand-written <see cref="HttpClient"/> + <see cref="JsonSerializer"/> call (the baseline). Both send through the same
/// in-memory <see cref="StubHandler"/> that answers every request with the same bytes: no sockets, so only the client-side
/// cost is measured. Target (docs/performance.md#targets): time ≤ 1.15×, allocations ≤ 1.25×.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int IdentityCount = 50;
    private static readonly Uri BaseAddress = new("https://ravi.bench/");

    private StubHandler _handler = null!;
    private HttpClient _httpClient = null!;
    private RaviClient _client = null!;
    private RaviClient _view = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new StubHandler(BuildBody());
        _httpClient = new HttpClient(_handler, disposeHandler: false) { BaseAddress = BaseAddress };
        _httpClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bench-token");

        var options = new RaviClientOptions
        {
            BaseAddress = BaseAddress,
            AccessToken = "ravi_mgmt_benchmark_key", // a static API key: no JWT parsing, no refresh
            UseCliConfiguration = false,
        };
        options.Validate();

        // The internal constructor takes the transport; the benchmarks assembly sees internals.
        _client = new RaviClient(options.Clone(), _ => (_handler, false), null);
        _view = _client.ForIdentity("6f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _httpClient.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HttpClientAndJsonSerializer()
    {
        using var response = await _httpClient.GetAsync("api/identities/", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var list = await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.ListIdentityDto);
        return list!.Count;
    }

    /// <summary>
    /// Not one of the targets (docs/performance.md#targets): the baseline's code deserializing into the SDK's immutable <see cref="Identity"/> record instead of
    /// a mutable DTO. The difference to the baseline is the cost of init-only/required properties in System.Text.Json
    /// (it builds such objects through a boxed argument array); the difference to <see cref="RaviClientIdentitiesList"/> is
    /// the SDK's own overhead (handlers, Polly, headers, page detection).
    /// </summary>
    [Benchmark]
    public async Task<int> HttpClientAndJsonSerializerIntoSdkRecord()
    {
        using var response = await _httpClient.GetAsync("api/identities/", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var list = await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.ListIdentity);
        return list!.Count;
    }

    [Benchmark]
    public async Task<int> RaviClientIdentitiesList()
    {
        var count = 0;
        await foreach (var identity in _view.Identities.ListAsync())
        {
            count++;
        }

        return count;
    }

    private static byte[] BuildBody()
    {
        var identities = new List<IdentityDto>();
        var created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        for (var i = 0; i < IdentityCount; i++)
        {
            identities.Add(new IdentityDto
            {
                Uuid = new Guid(i, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67).ToString(),
                Name = $"agent-{i:D3}",
                Inbox = $"agent-{i:D3}@in.ravi.app",
                Phone = $"+1555010{i:D4}",
                CreatedDt = created.AddMinutes(i),
                UpdatedDt = created.AddMinutes(i + 1),
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(identities, BenchJsonContext.Default.ListIdentityDto);
    }

    /// <summary>The baseline's hand-written model of an identity.</summary>
    public sealed class IdentityDto
    {
        public string Uuid { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Inbox { get; set; }

        public string? Phone { get; set; }

        public DateTimeOffset? CreatedDt { get; set; }

        public DateTimeOffset? UpdatedDt { get; set; }
    }

    /// <summary>Answers every request with 200 and the same JSON bytes, as a server would (a fresh response each time).</summary>
    public sealed class StubHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json", Encoding.UTF8.WebName);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

/// <summary>Source-generated JSON for the baseline, with the wire's snake_case names (as fair a fight as it gets).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<PipelineBenchmarks.IdentityDto>))]
[JsonSerializable(typeof(List<Identity>))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
